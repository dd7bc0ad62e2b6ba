import { Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/api/index.ts';
import { postStatuses } from '../../../shared/posts/statuses.ts';
import { localParts } from '../../../shared/time.ts';
import { currentLanguage } from '../../i18n/index.ts';
import {
  formatDayLong,
  formatDayShort,
  formatMonth,
  isoWeekday,
  monthWeeks,
  weekdayNames,
} from '../../lib/dates.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { channelHandle, channelText } from './ChannelCell.tsx';
import { StatusIcon, statusColor } from './postStatus.tsx';
import classes from './posts.module.css';
import { publishParts } from './postTime.ts';

const statusVars = (status: PostSummary['status']) =>
  ({
    '--status': `var(--mantine-color-${statusColor[status]}-6)`,
    '--status-light': `var(--mantine-color-${statusColor[status]}-0)`,
    '--status-text': `var(--mantine-color-${statusColor[status]}-9)`,
  }) as CSSProperties;

/** The month with its posts on their days (the client's days), coloured and named by status. */
export function PostCalendar({ posts, timeZone }: { posts: PostSummary[]; timeZone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycle } = usePlanData();
  const narrow = useMediaQuery('(max-width: 48em)');
  const byDay = new Map<string, PostSummary[]>();
  for (const post of posts) {
    const { date } = publishParts(post.publishAt, timeZone);
    byDay.set(date, [...(byDay.get(date) ?? []), post]);
  }
  const today = localParts(new Date(), timeZone).date;
  const caption = t('postReview.calendar.caption', { month: formatMonth(cycle.month, language) });
  // A post moved out of the month still shows, under the grid.
  const outside = posts.filter((p) => !publishParts(p.publishAt, timeZone).date.startsWith(cycle.month));

  const chips = (date: string) => {
    const dayPosts = byDay.get(date) ?? [];
    if (dayPosts.length === 0) return null;
    return (
      <ul
        className={classes.chips}
        aria-label={t('postReview.calendar.postsOn', { day: formatDayLong(date, language) })}
      >
        {dayPosts.map((post) => (
          <li key={post.id}>
            <PostChip post={post} timeZone={timeZone} />
          </li>
        ))}
      </ul>
    );
  };

  return (
    <Stack gap="sm">
      <Legend />
      {narrow ? (
        <ul className={classes.dayList} aria-label={caption}>
          {[...byDay.keys()]
            .sort()
            .filter((d) => d.startsWith(cycle.month))
            .map((date) => (
              <li key={date}>
                <Text size="sm" fw={600} mb={4}>
                  {formatDayShort(date, language)}
                  {date === today ? ` · ${t('postReview.calendar.today')}` : ''}
                </Text>
                {chips(date)}
              </li>
            ))}
        </ul>
      ) : (
        <MonthTable month={cycle.month} today={today} caption={caption} chips={chips} />
      )}
      {outside.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('postReview.calendar.outside')}
          </Text>
          <ul className={classes.chips}>
            {outside.map((post) => (
              <li key={post.id}>
                <PostChip post={post} timeZone={timeZone} withDate />
              </li>
            ))}
          </ul>
        </Stack>
      )}
    </Stack>
  );
}

interface TableProps {
  month: string;
  today: string;
  caption: string;
  chips: (date: string) => React.ReactNode;
}

function MonthTable({ month, today, caption, chips }: TableProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const names = weekdayNames(language, 'short');
  const longNames = weekdayNames(language, 'long');
  return (
    <table className={classes.grid}>
      <caption className="visually-hidden">{caption}</caption>
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
        {monthWeeks(month).map((week) => (
          <tr key={week.find(Boolean)}>
            {week.map((date, i) =>
              date ? (
                <td key={date}>
                  <div className={`${classes.day} ${isoWeekday(date) >= 6 ? classes.weekend : ''}`}>
                    <div>
                      <span
                        className={`${classes.dayNumber} ${date === today ? classes.today : ''}`}
                        aria-hidden
                      >
                        {Number(date.slice(8))}
                      </span>
                      <span className="visually-hidden">
                        {formatDayLong(date, language)}
                        {date === today ? ` (${t('postReview.calendar.today')})` : ''}
                      </span>
                    </div>
                    {chips(date)}
                  </div>
                </td>
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

function PostChip({
  post,
  timeZone,
  withDate = false,
}: {
  post: PostSummary;
  timeZone: string;
  withDate?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { date, time } = publishParts(post.publishAt, timeZone);
  const title = post.topicTitle ?? t('postReview.list.untitled');
  const status = t(`postReview.status.${post.status}`);
  return (
    <Link
      to="/posts/$postId"
      params={{ postId: post.id }}
      className={classes.chip}
      style={statusVars(post.status)}
      aria-label={t('postReview.calendar.chipLabel', {
        time,
        title,
        channel: channelText(post.network, post.channelLabel, t),
        status,
      })}
    >
      <span className={classes.chipLine}>
        <StatusIcon status={post.status} size={12} />
        {withDate ? `${formatDayShort(date, language)}, ${time}` : time}
        <span style={{ fontWeight: 400, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {channelHandle(post.network, post.channelLabel)}
        </span>
      </span>
      <span className={classes.chipTitle}>{title}</span>
    </Link>
  );
}

/** What the colours and icons mean. */
function Legend() {
  const { t } = useTranslation();
  return (
    <ul className={classes.legend} aria-label={t('postReview.calendar.legend')}>
      {postStatuses.map((status) => (
        <li key={status} style={statusVars(status)}>
          <span className={classes.swatch} aria-hidden />
          <StatusIcon status={status} size={12} />
          {t(`postReview.status.${status}`)}
        </li>
      ))}
    </ul>
  );
}
