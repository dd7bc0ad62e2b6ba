import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Holiday, Slot } from '../../../shared/api/index.ts';
import { daysOfMonth, localParts } from '../../../shared/time.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonth, monthWeeks, weekdayNames } from '../../lib/dates.ts';
import { byDateTime, usePlanData } from '../PlanContext.tsx';
import { holidaysQuery } from '../queries.ts';
import { DayCell } from './DayCell.tsx';
import classes from './schedule.module.css';

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

/**
 * The month in the client's time zone, weeks from Monday, holidays on their days. Narrow
 * screens get the same days as a list.
 */
export function MonthGrid() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { plan, cycle, client } = usePlanData();
  const narrow = useMediaQuery('(max-width: 48em)');
  const holidays = useQuery(holidaysQuery(client.id, cycle.month, language));
  const slotsByDay = useMemo(
    () => groupBy([...plan.slots].sort(byDateTime), (s: Slot) => s.date),
    [plan.slots],
  );
  const holidaysByDay = useMemo(() => groupBy(holidays.data ?? [], (h: Holiday) => h.date), [holidays.data]);
  const today = localParts(new Date(), client.timezone).date;
  const cell = (date: string, long?: boolean) => (
    <DayCell
      date={date}
      slots={slotsByDay.get(date) ?? []}
      holidays={holidaysByDay.get(date) ?? []}
      today={date === today}
      long={long}
    />
  );

  if (narrow) {
    return (
      <ul
        className={classes.dayList}
        aria-label={t('schedule.calendarOf', { month: formatMonth(cycle.month, language) })}
      >
        {daysOfMonth(cycle.month).map((date) => (
          <li key={date}>{cell(date, true)}</li>
        ))}
      </ul>
    );
  }

  const names = weekdayNames(language, 'short');
  const longNames = weekdayNames(language, 'long');
  return (
    <table className={classes.grid}>
      <caption className="visually-hidden">
        {t('schedule.calendarOf', { month: formatMonth(cycle.month, language) })}
      </caption>
      <thead>
        <tr>
          {names.map((name, i) => (
            <th key={name} scope="col" abbr={longNames[i]}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(cycle.month).map((week) => (
          <tr key={week.find(Boolean)}>
            {week.map((date, i) =>
              date ? (
                <td key={date}>{cell(date)}</td>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: empty cells before and after the month
                <td key={`empty-${i}`} aria-hidden>
                  <div className={classes.outside} />
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
