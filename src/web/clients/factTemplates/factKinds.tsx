import { IconAlignLeft, IconCalendar, IconLink, IconListCheck, IconPhoto } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type FactKind, factKinds } from '../../../shared/roles.ts';

const icons = {
  text: IconAlignLeft,
  files: IconPhoto,
  link: IconLink,
  date: IconCalendar,
  choice: IconListCheck,
} satisfies Record<FactKind, unknown>;

/** The small picture of the kind of answer a question wants. */
export function FactKindIcon({ kind, size = 16 }: { kind: FactKind; size?: number }) {
  const Icon = icons[kind];
  return <Icon size={size} aria-hidden />;
}

export const factKindLabel = (kind: FactKind, t: TFunction): string => t(`factTemplates.kinds.${kind}`);

export const factKindOptions = (t: TFunction) =>
  factKinds.map((kind) => ({ value: kind, label: factKindLabel(kind, t) }));
