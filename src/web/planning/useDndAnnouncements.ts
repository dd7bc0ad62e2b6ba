import type { Announcements } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';

type Labelled = { data: { current?: Record<string, unknown> | undefined } } | null;
const label = (thing: Labelled) => String(thing?.data.current?.label ?? '');

/** What screen readers hear while something is dragged, in the interface language. */
export function useDndAnnouncements(): Announcements {
  const { t } = useTranslation();
  return {
    onDragStart: ({ active }) => t('dnd.start', { item: label(active) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('dnd.over', { item: label(active), target: label(over) })
        : t('dnd.outside', { item: label(active) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('dnd.end', { item: label(active), target: label(over) })
        : t('dnd.outside', { item: label(active) }),
    onDragCancel: ({ active }) => t('dnd.cancel', { item: label(active) }),
  };
}
