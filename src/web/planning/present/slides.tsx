import { Badge, ColorSwatch, Group, List, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Slot, Topic } from '../../../shared/api/index.ts';
import { NetworkIcon } from '../../components/NetworkIcon.tsx';
import type { Language } from '../../i18n/index.ts';
import { formatLabel } from '../../lib/channelLabels.ts';
import { formatDayLong, formatMonth, monthWeeks, weekdayNames } from '../../lib/dates.ts';
import { statusLabel } from '../labels.ts';
import { byDateTime, channelName, type PlanData, slotLabel } from '../PlanContext.tsx';
import classes from './present.module.css';

export interface Slide {
  key: string;
  title: string;
  body: ReactNode;
}

/** The deck's slides, built in the browser from the plan: the same order as the PPTX. */
export function buildSlides(
  data: PlanData,
  /** Null leaves the reserve slide out (client contacts do not see the reserve). */
  reserve: Topic[] | null,
  t: TFunction,
  language: Language,
): Slide[] {
  const month = formatMonth(data.cycle.month, language);
  const topics = data.plan.topics
    .filter((x) => x.status !== 'dropped')
    .sort((a, b) => a.position - b.position);
  const slotOf = new Map(data.plan.slots.map((s) => [s.id, s]));
  const slides: Slide[] = [
    {
      key: 'title',
      title: t('present.titleSlide', { month }),
      body: (
        <Stack gap="md" justify="center" h="100%">
          <Text fz={28} c="dimmed">
            {data.client.name}
          </Text>
          <Title order={2} fz={56} lh={1.1}>
            {t('present.titleSlide', { month })}
          </Title>
          <Text fz={22}>
            {t('cycle.counts', {
              slots: data.plan.slots.length,
              topics: topics.length,
              free: data.plan.slots.filter((s) => !s.topicId).length,
            })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'calendar',
      title: t('present.calendar', { month }),
      body: <CalendarSlide data={data} t={t} language={language} />,
    },
    ...topics.map((topic, i) => ({
      key: `topic-${topic.id}`,
      title: topic.title,
      body: (
        <TopicSlide
          topic={topic}
          n={i + 1}
          slot={topic.slotId ? slotOf.get(topic.slotId) : undefined}
          data={data}
          t={t}
          language={language}
        />
      ),
    })),
    {
      key: 'questions',
      title: t('present.questions'),
      body: (
        <Stack gap="md" justify="center" h="100%">
          <Title order={2} fz={56}>
            {t('present.questions')}
          </Title>
          <Text fz={24}>{t('present.questionsHint')}</Text>
        </Stack>
      ),
    },
  ];
  if (reserve) slides.splice(slides.length - 1, 0, reserveSlide(reserve, t));
  return slides;
}

function reserveSlide(reserve: Topic[], t: TFunction): Slide {
  return {
    key: 'reserve',
    title: t('present.reserve'),
    body: (
      <Stack gap="md">
        <Title order={2} fz={40}>
          {t('present.reserve')}
        </Title>
        {reserve.length === 0 ? (
          <Text fz={22} c="dimmed">
            {t('reserve.emptyTitle')}
          </Text>
        ) : (
          <List fz={22} spacing={6}>
            {reserve.slice(0, 10).map((x) => (
              <List.Item key={x.id}>{x.title}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    ),
  };
}

interface Part {
  data: PlanData;
  t: TFunction;
  language: Language;
}

function CalendarSlide({ data, t, language }: Part) {
  const byDay = new Map<string, Slot[]>();
  for (const s of [...data.plan.slots].sort(byDateTime)) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s]);
  return (
    <Stack gap="xs" h="100%">
      <Title order={2} fz={32}>
        {t('present.calendar', { month: formatMonth(data.cycle.month, language) })}
      </Title>
      <table className={classes.calendar}>
        <thead>
          <tr>
            {weekdayNames(language).map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(data.cycle.month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((date, i) =>
                date ? (
                  <td key={date} aria-label={formatDayLong(date, language)}>
                    <div className={classes.dayNumber}>{Number(date.slice(8))}</div>
                    {(byDay.get(date) ?? []).map((s) => {
                      const channel = data.channelById.get(s.channelId);
                      const rubric = s.rubricId ? data.rubricById.get(s.rubricId) : undefined;
                      const topic = s.topicId ? data.topicById.get(s.topicId) : undefined;
                      return (
                        <div key={s.id} className={classes.slot} style={{ borderLeftColor: rubric?.color }}>
                          {channel && <NetworkIcon network={channel.network} size={11} />} {s.time}{' '}
                          {topic?.title ?? t('schedule.free')}
                        </div>
                      );
                    })}
                  </td>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: empty cells around the month
                  <td key={`e-${i}`} className={classes.outside} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Stack>
  );
}

function TopicSlide({
  topic,
  n,
  slot,
  data,
  t,
  language,
}: Part & { topic: Topic; n: number; slot: Slot | undefined }) {
  const rubric = topic.rubricId ? data.rubricById.get(topic.rubricId) : undefined;
  const channel = topic.channelId ? data.channelById.get(topic.channelId) : undefined;
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Text fz={20} c="dimmed">
          {t('present.topicN', { n })}
        </Text>
        <Badge size="lg" variant="light" tt="none">
          {statusLabel(topic.status, t)}
        </Badge>
        {rubric && (
          <Badge
            size="lg"
            variant="outline"
            color="gray"
            tt="none"
            leftSection={<ColorSwatch color={rubric.color} size={12} aria-hidden />}
          >
            {rubric.name}
          </Badge>
        )}
      </Group>
      <Title order={2} fz={44} lh={1.15} style={{ overflowWrap: 'anywhere' }}>
        {topic.title}
      </Title>
      {topic.angle && (
        <Text fz={24} className="pre-wrap">
          {topic.angle}
        </Text>
      )}
      <Stack gap={4}>
        {slot && <Text fz={20}>{slotLabel(slot, data, t, language)}</Text>}
        {!slot && channel && (
          <Text fz={20}>
            {channelName(channel, t)}
            {topic.format ? ` · ${formatLabel(topic.format, t)}` : ''}
          </Text>
        )}
        {topic.tags.length > 0 && (
          <Text fz={18} c="dimmed">
            {topic.tags.map((tag) => `#${tag}`).join(' ')}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
