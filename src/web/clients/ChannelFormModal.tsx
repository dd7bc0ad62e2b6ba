import { MultiSelect, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/api/index.ts';
import { type Format, type Network, networkFormats } from '../../shared/roles.ts';
import { FormModal, FormModalBody } from '../components/FormModal.tsx';
import { formatLabel, networkFormatOptions, networkLabel, networkOptions } from '../lib/channelLabels.ts';
import { notifySuccess } from '../lib/errors.ts';
import { useVersionedForm } from '../lib/useVersionedForm.ts';
import { maxLength, required, validate } from '../lib/validate.ts';
import { useSaveChannel } from './mutations.ts';

interface Props {
  clientId: string;
  opened: boolean;
  /** The channel being edited, always the latest fetched version; undefined to add one. */
  channel: Channel | undefined;
  onClose: () => void;
}

export function ChannelFormModal({ clientId, opened, channel, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={channel ? t('channels.edit') : t('channels.add')}>
      <ChannelForm key={channel?.id ?? 'new'} clientId={clientId} channel={channel} onDone={onClose} />
    </FormModal>
  );
}

function ChannelForm({
  clientId,
  channel,
  onDone,
}: {
  clientId: string;
  channel?: Channel;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveChannel(clientId);
  const form = useVersionedForm(['network', 'handle', 'formats']);
  const [network, setNetwork] = useState<Network>(channel?.network ?? 'instagram');
  const [handle, setHandle] = useState(channel?.handle ?? '');
  const [formats, setFormats] = useState<Format[]>(channel?.formats ?? ['post']);

  const check = () => {
    const found: Record<string, string> = validate({ handle }, { handle: [required, maxLength(100)] }, t);
    if (formats.length === 0) found.formats = t('channels.formatsRequired');
    return found;
  };
  const submit = form.handleSubmit(check, () =>
    save.mutate(
      { editing: channel, network, handle: handle.trim(), formats },
      {
        onSuccess: () => {
          notifySuccess(channel ? t('channels.saved') : t('channels.added'));
          onDone();
        },
        onError: form.onError,
      },
    ),
  );

  return (
    <FormModalBody
      onSubmit={submit}
      onCancel={onDone}
      submitLabel={t('common.save')}
      saving={save.isPending}
      staleCurrent={
        form.stale &&
        channel &&
        `${networkLabel(channel.network, t)} ${channel.handle} (${channel.formats.map((f) => formatLabel(f, t)).join(', ')})`
      }
    >
      <Select
        label={t('channels.fields.network')}
        data={networkOptions(t)}
        value={network}
        onChange={(v) => {
          if (!v) return;
          const next = v as Network;
          setNetwork(next);
          // Only the formats the new network has stay chosen (Telegram has no reels).
          setFormats((list) => {
            const kept = list.filter((f) => networkFormats[next].includes(f));
            return kept.length > 0 ? kept : [networkFormats[next][0]!];
          });
        }}
        allowDeselect={false}
        error={form.errors.network}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label={t('channels.fields.handle')}
        description={t('channels.fields.handleHint')}
        value={handle}
        onChange={(e) => setHandle(e.currentTarget.value)}
        error={form.errors.handle}
        required
        data-autofocus
      />
      <MultiSelect
        label={t('channels.fields.formats')}
        data={networkFormatOptions(network, t)}
        value={formats}
        onChange={(v) => setFormats(v as Format[])}
        error={form.errors.formats}
        required
        clearable={false}
        comboboxProps={{ withinPortal: true }}
      />
    </FormModalBody>
  );
}
