import { Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Format, Network } from '../../../shared/roles.ts';
import { NetworkIcon } from '../../components/NetworkIcon.tsx';
import { formatLabel, networkLabel } from '../../lib/channelLabels.ts';

/** The channel's handle alone: the server's label starts with the network's code ("instagram @x"). */
export function channelHandle(network: Network, label: string): string {
  return label.startsWith(`${network} `) ? label.slice(network.length + 1) : label;
}

/** "Instagram @kyivcoffee": the network in the reader's words, then the handle. */
export function channelText(network: Network, label: string, t: TFunction): string {
  const handle = channelHandle(network, label);
  return handle === label ? label : `${networkLabel(network, t)} ${handle}`;
}

/** "Instagram @kyivcoffee · Reel" with the network's icon. */
export function ChannelCell({ network, label, format }: { network: Network; label: string; format: Format }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <NetworkIcon network={network} size={18} />
      <Text size="sm" style={{ overflowWrap: 'break-word', minWidth: 0 }}>
        {channelText(network, label, t)}
        <Text span c="dimmed" size="sm">
          {' · '}
          {formatLabel(format, t)}
        </Text>
      </Text>
    </Group>
  );
}
