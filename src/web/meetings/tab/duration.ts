import type { TFunction } from 'i18next';

/** The lengths a meeting usually takes; an unusual saved one joins the list. */
export const durations = [30, 45, 60, 90, 120, 150, 180, 240];

/** "1 h 30 min", "1 год 30 хв" */
export function durationLabel(minutes: number, t: TFunction): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('meetingSetup.minutes', { m });
  return m === 0 ? t('meetingSetup.hours', { h }) : t('meetingSetup.hoursMinutes', { h, m });
}

export const durationOptions = (current: number, t: TFunction) =>
  [...new Set([...durations, current])]
    .sort((a, b) => a - b)
    .map((m) => ({ value: String(m), label: durationLabel(m, t) }));

/** The client's zone as people read it: "Europe/Kyiv (GMT+2)". */
export function zoneLabel(timezone: string, offset: string): string {
  const name = timezone.replaceAll('_', ' ');
  return offset ? `${name} (${offset})` : name;
}
