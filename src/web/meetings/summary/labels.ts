import type { TFunction } from 'i18next';
import { type Network, networks } from '../../../shared/roles.ts';
import type { Language } from '../../i18n/index.ts';
import { networkLabel } from '../../lib/channelLabels.ts';
import { formatDayShort } from '../../lib/dates.ts';

/** The summary names a channel as "instagram @handle": split off the network to translate and show its icon. */
export function parseChannel(value: string | null): { network: Network | null; label: string } {
  if (!value) return { network: null, label: '' };
  const [first = '', ...rest] = value.split(' ');
  const network = (networks as readonly string[]).includes(first) ? (first as Network) : null;
  return { network, label: rest.join(' ') };
}

export function channelText(value: string | null, t: TFunction): string {
  const { network, label } = parseChannel(value);
  return network ? `${networkLabel(network, t)} ${label}`.trim() : (value ?? '');
}

/** A comment's subject is a topic's title, or a slot as "2026-12-07 10:00 · instagram @handle". */
export function subjectText(value: string, t: TFunction, language: Language): string {
  const slot = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) · (.*)$/.exec(value);
  return slot ? `${formatDayShort(slot[1]!, language)}, ${slot[2]} · ${channelText(slot[3]!, t)}` : value;
}
