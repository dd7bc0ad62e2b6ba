import { useTranslation } from 'react-i18next';
import type { FactItem } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { useFactContext } from './FactContext.tsx';
import { kindLabel } from './labels.tsx';

/** An item in one line, as saved now: shown after a stale save so the person can compare. */
export function ItemSummary({ item }: { item: FactItem }) {
  const { t } = useTranslation();
  const { contactById } = useFactContext();
  const parts = [item.question, kindLabel(item.kind, t)];
  if (item.kind === 'choice') parts.push(item.choices.join(', '));
  if (item.dueOn)
    parts.push(t('factReview.item.due', { date: formatLocalDate(item.dueOn, currentLanguage()) }));
  const contact = item.contactId ? contactById.get(item.contactId) : undefined;
  if (contact) parts.push(t('factReview.item.forWhom', { name: contact.name }));
  if (!item.required) parts.push(t('factReview.item.optional'));
  return <>{parts.join(' · ')}</>;
}
