import type { TFunction } from 'i18next';
import { type Format, formats, type Network, networkFormats, networks } from '../../shared/roles.ts';

export function networkLabel(network: string, t: TFunction): string {
  return (networks as readonly string[]).includes(network) ? t(`networks.${network as Network}`) : network;
}

export function formatLabel(format: string, t: TFunction): string {
  return (formats as readonly string[]).includes(format) ? t(`formats.${format as Format}`) : format;
}

export const networkOptions = (t: TFunction) =>
  networks.map((n) => ({ value: n, label: networkLabel(n, t) }));
export const formatOptions = (t: TFunction) => formats.map((f) => ({ value: f, label: formatLabel(f, t) }));

/** The formats a network has (`networkFormats`, the rule the server checks), as options. */
export const networkFormatOptions = (network: Network, t: TFunction) =>
  networkFormats[network].map((f) => ({ value: f, label: formatLabel(f, t) }));

/**
 * The formats a picker offers on a channel: the channel's own that its network has. A value
 * saved before the rule (a Telegram reel) is still shown as it is, so old data reads right.
 */
export function channelFormats(
  channel: { network: Network; formats: Format[] } | undefined,
  current?: Format,
) {
  const allowed = channel ? channel.formats.filter((f) => networkFormats[channel.network].includes(f)) : [];
  return current && !allowed.includes(current) ? [...allowed, current] : allowed;
}
