import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconShare, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Client } from '../../../shared/api/index.ts';
import { useDeleteChannel } from '../../api/mutations.ts';
import { channelsQuery } from '../../api/queries.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SectionHeader } from '../../components/SectionHeader.tsx';
import { notifyError } from '../../lib/errors.ts';
import { ChannelFormModal } from './ChannelFormModal.tsx';
import { formatLabel, networkLabel } from './channelLabels.ts';
import { NetworkIcon } from './NetworkIcon.tsx';

/** The client's social accounts and the formats each one publishes. */
export function ClientChannels({ client }: { client: Client }) {
  const { t } = useTranslation();
  const channels = useQuery(channelsQuery(client.id));
  const remove = useDeleteChannel(client.id);
  // null: closed; 'new': adding; an id: editing that channel (read fresh from the list).
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = client.abilities.update;
  const editingChannel = channels.data?.find((c) => c.id === editing);

  const addButton = canEdit && (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
      {t('channels.add')}
    </Button>
  );

  return (
    <section aria-labelledby="channels-heading">
      <SectionHeader
        id="channels-heading"
        title={t('channels.title')}
        description={t('channels.description')}
        actions={channels.data?.length ? addButton : null}
      />
      {channels.isPending ? (
        <LoadingState rows={3} />
      ) : channels.isError ? (
        <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
      ) : channels.data.length === 0 ? (
        <EmptyBlock
          order={3}
          icon={<IconShare />}
          title={t('channels.emptyTitle')}
          description={canEdit ? t('channels.emptyHint') : undefined}
          action={addButton}
        />
      ) : (
        <Stack gap="sm">
          {channels.data.map((channel) => (
            <ChannelRow
              key={channel.id}
              channel={channel}
              canEdit={canEdit}
              onEdit={() => setEditing(channel.id)}
              onDelete={() => remove.mutateAsync(channel.id, { onError: (error) => notifyError(error, t) })}
              deleting={remove.isPending}
            />
          ))}
        </Stack>
      )}
      <ChannelFormModal
        clientId={client.id}
        opened={editing !== null && (editing === 'new' || editingChannel !== undefined)}
        channel={editing === 'new' ? undefined : editingChannel}
        onClose={() => setEditing(null)}
      />
    </section>
  );
}

interface RowProps {
  channel: Channel;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  deleting: boolean;
}

function ChannelRow({ channel, canEdit, onEdit, onDelete, deleting }: RowProps) {
  const { t } = useTranslation();
  const network = networkLabel(channel.network, t);
  const title = `${network} ${channel.handle}`;
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
          <NetworkIcon network={channel.network} />
          <Stack gap={6} miw={0}>
            <div style={{ minWidth: 0 }}>
              <Text fw={600} size="sm">
                {network}
              </Text>
              <Text size="sm" truncate="end" title={channel.handle}>
                {channel.handle}
              </Text>
            </div>
            <Group gap={6} wrap="wrap" aria-label={t('channels.fields.formats')} role="list">
              {channel.formats.map((format) => (
                <Badge key={format} variant="light" color="gray" role="listitem" tt="none">
                  {formatLabel(format, t)}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Group>
        {canEdit && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('common.edit')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('channels.editNamed', { name: title })}
                onClick={onEdit}
              >
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <ConfirmButton
              label={t('channels.deleteNamed', { name: title })}
              icon={<IconTrash size={18} aria-hidden />}
              title={t('channels.deleteTitle')}
              message={t('channels.deleteConfirm', { name: title })}
              confirmLabel={t('common.delete')}
              onConfirm={onDelete}
              loading={deleting}
            />
          </Group>
        )}
      </Group>
    </Paper>
  );
}
