import { useDroppable } from '@dnd-kit/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Holiday, Slot } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDayLong, formatDayShort, isoWeekday } from '../../lib/dates.ts';
import { usePlanData } from '../PlanContext.tsx';
import { useOpenDialog } from './ScheduleUi.tsx';
import { SlotChip } from './SlotChip.tsx';
import classes from './schedule.module.css';

export interface DayDropData {
  kind: 'day';
  date: string;
  label: string;
}

interface Props {
  date: string;
  slots: Slot[];
  holidays: Holiday[];
  today: boolean;
  /** The narrow list: the weekday written out, and slots moved by their menu, not by dragging. */
  long?: boolean;
}

/** One day: its number, holidays, slots; clicking its empty area adds a slot there. */
export function DayCell({ date, slots, holidays, today, long = false }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { can } = usePlanData();
  const open = useOpenDialog();
  const dayName = formatDayLong(date, language);
  const drop = useDroppable({
    id: `day:${date}`,
    data: { kind: 'day', date, label: dayName } satisfies DayDropData,
    disabled: !can.editPlan,
  });
  const weekend = isoWeekday(date) >= 6;
  const className = [
    classes.day,
    holidays.some((h) => h.type === 'public') ? classes.holiday : weekend ? classes.weekend : '',
    drop.isOver && drop.active?.data.current?.kind === 'slot' ? classes.over : '',
  ].join(' ');

  return (
    <div ref={drop.setNodeRef} className={className}>
      {can.editPlan && (
        <button
          type="button"
          className={classes.add}
          onClick={() => open({ kind: 'create', date })}
          aria-label={t('schedule.addOn', { day: dayName })}
        >
          <IconPlus size={14} aria-hidden />
        </button>
      )}
      <div className={classes.head}>
        <span className={today ? classes.today : undefined} aria-hidden>
          {long ? formatDayShort(date, language) : Number(date.slice(8))}
        </span>
        <span className="visually-hidden">
          {dayName}
          {today ? ` (${t('schedule.today')})` : ''}
        </span>
      </div>
      {holidays.map((h) => {
        const about = h.source ? `${h.name}. ${t('schedule.daySource', { source: h.source })}` : h.name;
        return h.type === 'public' ? (
          <div key={h.name} className={classes.holidayName} title={about}>
            <span className="visually-hidden">{t('schedule.publicHoliday')}: </span>
            {h.name}
          </div>
        ) : (
          // A notable day is no day off: its own badge, the source on hover.
          <div key={h.name} className={`${classes.holidayName} ${classes.observance}`} title={about}>
            <span className={classes.notableBadge}>{t('schedule.notableDay')}</span> {h.name}
            {h.note && <span className={classes.dayNote}> ({t(`schedule.dayNote.${h.note}`)})</span>}
          </div>
        );
      })}
      {slots.length > 0 && (
        <ul className={classes.slots} aria-label={t('schedule.slotsOn', { day: dayName })}>
          {slots.map((slot) => (
            <SlotChip key={slot.id} slot={slot} draggable={!long} />
          ))}
        </ul>
      )}
    </div>
  );
}
