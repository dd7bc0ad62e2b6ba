import type { TFunction } from 'i18next';
import type { ClientPlan } from '../../../../shared/api/index.ts';
import type { Language } from '../../../i18n/index.ts';
import { formatLocalDate } from '../../../lib/dates.ts';

/** "5 Dec 2026", "5 Dec 2026 – 12 Dec 2026", or that the date is not known yet. */
export function planWhen(
  plan: Pick<ClientPlan, 'startsOn' | 'endsOn'>,
  t: TFunction,
  language: Language,
): string {
  if (plan.startsOn && plan.endsOn && plan.endsOn !== plan.startsOn) {
    return t('meeting.plans.window', {
      from: formatLocalDate(plan.startsOn, language),
      to: formatLocalDate(plan.endsOn, language),
    });
  }
  const day = plan.startsOn ?? plan.endsOn;
  return day ? formatLocalDate(day, language) : t('meeting.plans.noDate');
}
