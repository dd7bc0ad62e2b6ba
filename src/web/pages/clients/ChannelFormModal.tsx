import { Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/api/index.ts';
import type { Format, Network } from '../../../shared/roles.ts';
import { useSaveChannel } from '../../api/mutations.ts';
import { StaleVersionAlert } from '../../components/StaleVersionAlert.tsx';
import { isStaleVersion, notifySuccess, reportFormError } from '../../lib/errors.ts';
import { hasErrors, maxLength, required, validate } from '../../lib/validate.ts';
import { formatLabel, formatOptions, networkLabel, networkOptions } from './channelLabels.ts';

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
    <Modal
      opened={opened}
      onClose={onClose}
      title={channel ? t('channels.edit') : t('channels.add')}
      centered
    >
      {opened && (
        <ChannelForm key={channel?.id ?? 'new'} clientId={clientId} channel={channel} onDone={onClose} />
      )}
    </Modal>
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
  const [network, setNetwork] = useState<Network>(channel?.network ?? 'instagram');
  const [handle, setHandle] = useState(channel?.handle ?? '');
  const [formats, setFormats] = useState<Format[]>(channel?.formats ?? ['post']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = validate({ handle }, { handle: [required, maxLength(100)] }, t);
    if (formats.length === 0) found.formats = t('channels.formatsRequired');
    setErrors(found);
    if (hasErrors(found)) return;
    setStale(false);
    save.mutate(
      { id: channel?.id, version: channel?.version, network, handle: handle.trim(), formats },
      {
        onSuccess: () => {
          notifySuccess(channel ? t('channels.saved') : t('channels.added'));
          onDone();
        },
        onError: (error) => {
          if (isStaleVersion(error)) setStale(true);
          else reportFormError(error, t, ['network', 'handle', 'formats'], setErrors);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {stale && channel && (
          <StaleVersionAlert
            current={`${networkLabel(channel.network, t)} ${channel.handle} (${channel.formats.map((f) => formatLabel(f, t)).join(', ')})`}
          />
        )}
        <Select
          label={t('channels.fields.network')}
          data={networkOptions(t)}
          value={network}
          onChange={(v) => v && setNetwork(v as Network)}
          allowDeselect={false}
          error={errors.network}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('channels.fields.handle')}
          description={t('channels.fields.handleHint')}
          value={handle}
          onChange={(e) => setHandle(e.currentTarget.value)}
          error={errors.handle}
          required
          data-autofocus
        />
        <MultiSelect
          label={t('channels.fields.formats')}
          data={formatOptions(t)}
          value={formats}
          onChange={(v) => setFormats(v as Format[])}
          error={errors.formats}
          required
          clearable={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {stale ? t('stale.saveAgain') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
