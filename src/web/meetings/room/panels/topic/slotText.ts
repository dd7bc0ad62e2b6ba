import type { TFunction } from 'i18next';
import type { Channel, Slot } from '../../../../../shared/api/index.ts';
import type { Language } from '../../../../i18n/index.ts';
import { formatLabel } from '../../../../lib/channelLabels.ts';
import { formatDayShort } from '../../../../lib/dates.ts';
import { channelName } from '../../../../planning/PlanContext.tsx';

/** "Fri 5 Dec, 10:00 · Instagram @kyivcoffee · Reel": a slot in words, in the client's local time. */
export function slotText(
  slot: Slot,
  channelById: Map<string, Channel>,
  t: TFunction,
  language: Language,
): string {
  return t('schedule.slotLabel', {
    day: formatDayShort(slot.date, language),
    time: slot.time,
    channel: channelName(channelById.get(slot.channelId), t),
    format: formatLabel(slot.format, t),
  });
}
