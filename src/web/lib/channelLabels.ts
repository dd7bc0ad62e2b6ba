import type { TFunction } from 'i18next';
import { type Format, formats, type Network, networks } from '../../shared/roles.ts';

export function networkLabel(network: string, t: TFunction): string {
  return (networks as readonly string[]).includes(network) ? t(`networks.${network as Network}`) : network;
}

export function formatLabel(format: string, t: TFunction): string {
  return (formats as readonly string[]).includes(format) ? t(`formats.${format as Format}`) : format;
}

export const networkOptions = (t: TFunction) =>
  networks.map((n) => ({ value: n, label: networkLabel(n, t) }));
export const formatOptions = (t: TFunction) => formats.map((f) => ({ value: f, label: formatLabel(f, t) }));
