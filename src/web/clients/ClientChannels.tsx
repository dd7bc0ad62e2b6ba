import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Client } from '../../shared/api/index.ts';
import { NetworkIcon } from '../components/NetworkIcon.tsx';
import { formatLabel, networkLabel } from '../lib/channelLabels.ts';
import { ChannelFormModal } from './ChannelFormModal.tsx';
import { ClientItemList } from './ClientItemList.tsx';
import { useDeleteChannel } from './mutations.ts';
import { channelsQuery } from './queries.ts';

/** The client's social accounts and the formats each one publishes. */
export function ClientChannels({ client }: { client: Client }) {
  const { t } = useTranslation();
  const channels = useQuery(channelsQuery(client.id));
  const remove = useDeleteChannel(client.id);
  return (
    <ClientItemList
      kind="channels"
      client={client}
      items={channels}
      remove={remove}
      emptyIcon={<IconShare />}
      nameOf={(channel) => `${networkLabel(channel.network, t)} ${channel.handle}`}
      form={({ opened, item, onClose }) => (
        <ChannelFormModal clientId={client.id} opened={opened} channel={item} onClose={onClose} />
      )}
    >
      {(list, actions) => (
        <Stack gap="sm">
          {list.map((channel) => (
            <ChannelRow key={channel.id} channel={channel} actions={actions(channel)} />
          ))}
        </Stack>
      )}
    </ClientItemList>
  );
}

function ChannelRow({ channel, actions }: { channel: Channel; actions: ReactNode }) {
  const { t } = useTranslation();
  const network = networkLabel(channel.network, t);
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
        {actions}
      </Group>
    </Paper>
  );
}
