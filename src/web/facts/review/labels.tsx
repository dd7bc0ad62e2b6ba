import { IconAlignLeft, IconCalendar, IconLink, IconListCheck, IconPhoto } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { FactItemFull } from '../../../shared/api/index.ts';
import { type FactKind, factKinds } from '../../../shared/roles.ts';

type Status = FactItemFull['status'];
type Source = FactItemFull['source'];

const kindIcons = {
  text: IconAlignLeft,
  files: IconPhoto,
  link: IconLink,
  date: IconCalendar,
  choice: IconListCheck,
} satisfies Record<FactKind, unknown>;

/** The small picture of the kind of answer an item wants. */
export function KindIcon({ kind, size = 14 }: { kind: FactKind; size?: number }) {
  const Icon = kindIcons[kind];
  return <Icon size={size} aria-hidden />;
}

export const kindLabel = (kind: FactKind, t: TFunction) => t(`factReview.kinds.${kind}`);
export const kindOptions = (t: TFunction) =>
  factKinds.map((kind) => ({ value: kind, label: kindLabel(kind, t) }));

export const sourceLabel = (source: Source, t: TFunction) => t(`factReview.sources.${source}`);
export const sourceColor: Record<Source, string> = { question: 'violet', template: 'cyan', manual: 'gray' };

export const statusLabel = (status: Status, t: TFunction) => t(`factReview.statuses.${status}`);
export const statusColor: Record<Status, string> = {
  open: 'gray',
  answered: 'blue',
  accepted: 'teal',
  follow_up: 'orange',
};

/** "2.4 MB", "820 KB": a file's size for people, in their language. */
export function fileSize(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1,
  }).format(value);
}
