import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FactItemFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { useFactContext } from './FactContext.tsx';
import { KindIcon, kindLabel, sourceColor, sourceLabel } from './labels.tsx';
import { isOverdue } from './model.ts';

/** The small print of an item: kind of answer, where it came from, due date, whom it asks. */
export function ItemMeta({ item, withSource = true }: { item: FactItemFull; withSource?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { contactById, today } = useFactContext();
  const contact = item.contactId ? contactById.get(item.contactId) : undefined;
  const overdue = isOverdue(item, today);
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="outline" color="gray" tt="none" leftSection={<KindIcon kind={item.kind} size={12} />}>
        {kindLabel(item.kind, t)}
      </Badge>
      {withSource && (
        <Badge variant="light" color={sourceColor[item.source]} tt="none">
          {sourceLabel(item.source, t)}
        </Badge>
      )}
      {!item.required && (
        <Badge variant="light" color="gray" tt="none">
          {t('factReview.item.optional')}
        </Badge>
      )}
      {item.dueOn && (
        <Text
          size="xs"
          c={overdue ? 'red.9' : 'dimmed'}
          fw={overdue ? 600 : undefined}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 3 }}
        >
          {overdue ? <IconAlertTriangle size={13} aria-hidden /> : <IconCalendarDue size={13} aria-hidden />}
          {overdue
            ? t('factReview.item.overdue', { date: formatLocalDate(item.dueOn, language) })
            : t('factReview.item.due', { date: formatLocalDate(item.dueOn, language) })}
        </Text>
      )}
      <Text size="xs" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 3 }}>
        <IconUser size={13} aria-hidden />
        {contact ? t('factReview.item.forWhom', { name: contact.name }) : t('factReview.item.forAnyone')}
      </Text>
    </Group>
  );
}
