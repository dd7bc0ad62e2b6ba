import type { Format } from './roles.ts';
import { daysOfMonth, localParts, zonedInstant } from './time.ts';

/** A cadence rule as the month is filled from it. */
interface CadenceRuleInput {
  channelId: string;
  format: Format;
  weekdays: number[];
  time: string;
  rubricId: string | null;
}

/** Why a slot the cadence asks for is not created. */
export const cadenceSkipReasons = ['time_taken', 'format_not_offered'] as const;
export type CadenceSkipReason = (typeof cadenceSkipReasons)[number];

/** One slot the cadence asks for: created, or skipped with its reason. */
export interface CadenceSlot {
  date: string;
  time: string;
  startsAt: Date;
  channelId: string;
  format: Format;
  rubricId: string | null;
  skipped: CadenceSkipReason | null;
}

/**
 * The one rule of "fill the month", used by its preview and by the fill itself so the two
 * cannot disagree: every day of the month whose weekday a rule names gets a slot at the rule's
 * local time, unless its channel already has a slot at that date and time (whatever its format:
 * a post beside a reel at the same minute on one account is a double booking), or an earlier
 * rule took it. Skipped slots are returned too, so the preview can say why.
 */
export function planCadence(input: {
  month: string;
  timezone: string;
  rules: CadenceRuleInput[];
  existing: Array<{ channelId: string; startsAt: Date }>;
  /**
   * Whether the channel still offers the rule's format (its network's formats, its own list):
   * a rule is checked when saved, but its channel may change after; such a slot is skipped.
   */
  offers: (channelId: string, format: Format) => boolean;
}): CadenceSlot[] {
  const { month, timezone, rules } = input;
  const keyOf = (channelId: string, date: string, time: string) => `${channelId}|${date}|${time}`;
  const taken = new Set(
    input.existing.map((s) => {
      const local = localParts(s.startsAt, timezone);
      return keyOf(s.channelId, local.date, local.time);
    }),
  );
  const out: CadenceSlot[] = [];
  for (const date of daysOfMonth(month)) {
    const weekday = localParts(zonedInstant(date, '12:00', timezone), timezone).weekday;
    for (const rule of rules) {
      if (!rule.weekdays.includes(weekday)) continue;
      const startsAt = zonedInstant(date, rule.time, timezone);
      // The key is the slot's local wall-clock time as the schedule will show it.
      const local = localParts(startsAt, timezone);
      const key = keyOf(rule.channelId, local.date, local.time);
      const offered = input.offers(rule.channelId, rule.format);
      const skipped = !offered ? 'format_not_offered' : taken.has(key) ? 'time_taken' : null;
      if (offered) taken.add(key);
      out.push({
        date: local.date,
        time: local.time,
        startsAt,
        channelId: rule.channelId,
        format: rule.format,
        rubricId: rule.rubricId,
        skipped,
      });
    }
  }
  return out;
}
