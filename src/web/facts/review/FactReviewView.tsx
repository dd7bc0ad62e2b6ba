import { Badge, Button, Chip, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactItemFull, FactRequestFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { CopyContactLinks } from '../../links/CopyContactLinks.tsx';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { EmptyTopics } from './EmptyTopics.tsx';
import { useFactContext } from './FactContext.tsx';
import { GroupSection } from './GroupSection.tsx';
import { GENERAL, groupItems, matchesFilter, type ReviewFilter, reviewFilters } from './model.ts';
import { ResendRequest } from './ResendRequest.tsx';

/** The request once sent: how far the client is, and every answer to review, topic by topic. */
export function FactReviewView() {
  const { t } = useTranslation();
  const { plan, rubricById } = usePlanData();
  const { request } = useFactContext();
  const [filter, setFilter] = useState<ReviewFilter>('all');
  // Items shown when a filter was chosen stay on screen after an accept or a follow-up, so the
  // reviewer sees what they just did (and keeps their place) instead of the item vanishing.
  const [kept, setKept] = useState<Set<string>>(() => new Set());
  const choose = (next: ReviewFilter) => {
    setKept(new Set(request.items.filter((i) => matchesFilter(i, next)).map((i) => i.id)));
    setFilter(next);
  };
  const shows = (item: FactItemFull) => matchesFilter(item, filter) || kept.has(item.id);
  const filterLabel = useId();
  const groups = groupItems(request, plan.topics, rubricById, request.abilities.edit && filter === 'all');
  const counts = Object.fromEntries(
    reviewFilters.map((f) => [f, request.items.filter((i) => matchesFilter(i, f)).length]),
  ) as Record<ReviewFilter, number>;
  // Topics with matching items in full; agreed topics asking nothing yet in one short list.
  const shown = groups
    .map((group) => ({ group, items: group.items.filter(shows) }))
    .filter(({ group, items }) => items.length > 0 || (group.key === GENERAL && filter === 'all'));
  const topicGroups = shown.filter(({ group }) => group.key !== GENERAL);
  const general = shown.find(({ group }) => group.key === GENERAL);
  const empty = groups.filter((g) => g.items.length === 0 && g.key !== GENERAL);

  return (
    <Stack gap="md">
      <Summary request={request} />
      <Group gap="sm" wrap="wrap" align="center">
        <Text size="sm" fw={500} id={filterLabel}>
          {t('factReview.filter.label')}
        </Text>
        <Chip.Group multiple={false} value={filter} onChange={(v) => choose(v as ReviewFilter)}>
          <Group gap={6} wrap="wrap" role="radiogroup" aria-labelledby={filterLabel}>
            {reviewFilters.map((f) => (
              <Chip key={f} value={f} size="sm" variant="outline" name="fact-filter">
                {t(`factReview.filter.${f}`, { count: counts[f] })}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      {shown.length === 0 && (
        <Paper withBorder radius="md" p="lg">
          <Text size="sm" c="dimmed" ta="center">
            {t(`factReview.filter.empty.${filter}`)}
          </Text>
        </Paper>
      )}
      {topicGroups.map(({ group, items }) => (
        <GroupSection key={group.key} group={group} items={items} mode="review" />
      ))}
      {filter === 'all' && <EmptyTopics groups={empty} />}
      {general && <GroupSection group={general.group} items={general.items} mode="review" />}
    </Stack>
  );
}

/** Progress in figures and a bar, and the turnaround: sent, first answer, complete. */
function Summary({ request }: { request: FactRequestFull }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { client } = usePlanData();
  const { contacts } = useFactContext();
  const { progress } = request;
  const complete = request.status === 'complete';
  const pct = (n: number) => (progress.total ? (n / progress.total) * 100 : 0);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, language, client.timezone) : null);
  const turnaround = [
    { key: 'sent', at: request.sentAt, after: null },
    { key: 'firstAnswer', at: request.firstAnswerAt, after: since(request.sentAt, request.firstAnswerAt, t) },
    { key: 'completed', at: request.completedAt, after: since(request.sentAt, request.completedAt, t) },
  ] as const;

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Group gap="sm" wrap="wrap">
            <Title order={2} fz="h3">
              {t('factReview.title')}
            </Title>
            <Badge color={complete ? 'teal' : 'blue'} variant="light" tt="none">
              {complete ? t('factReview.requestStatus.complete') : t('factReview.requestStatus.sent')}
            </Badge>
          </Group>
          {request.abilities.edit && request.status === 'sent' && contacts.length > 0 && (
            <ResendRequest requestId={request.id} contacts={contacts} />
          )}
          {request.abilities.answer && (
            <Button
              component="a"
              href={`/facts/${request.id}`}
              rightSection={<IconArrowRight size={16} aria-hidden />}
            >
              {t('factReview.answerRequest')}
            </Button>
          )}
        </Group>

        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {progressLine(request, t)}
          </Text>
          <Progress.Root size="lg" aria-hidden>
            <Progress.Section value={pct(progress.accepted)} color="teal.6" />
            <Progress.Section value={pct(progress.answered - progress.accepted)} color="blue.4" />
            <Progress.Section value={pct(progress.followUps)} color="orange.4" />
          </Progress.Root>
          <Group gap="md" wrap="wrap">
            <Legend color="teal.6" label={t('factReview.statuses.accepted')} />
            <Legend color="blue.4" label={t('factReview.statuses.answered')} />
            <Legend color="orange.4" label={t('factReview.statuses.follow_up')} />
          </Group>
        </Stack>

        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" component="dl" m={0}>
          {turnaround.map(({ key, at, after }) => (
            <div key={key}>
              <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t(`factReview.turnaround.${key}`)}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {when(at) ?? t('factReview.turnaround.notYet')}
              </Text>
              {at && after && (
                <Text component="dd" size="xs" c="dimmed" m={0}>
                  {after}
                </Text>
              )}
            </div>
          ))}
        </SimpleGrid>

        {/* Without email (or when it went astray) the agency can hand a contact their own link. */}
        {request.abilities.edit && request.status === 'sent' && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('links.copy.button')}
            </Text>
            <CopyContactLinks clientId={client.id} kind="facts" subjectId={request.id} contacts={contacts} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={5} wrap="nowrap" aria-hidden>
      <span
        style={{
          width: 10,
          height: 10,
          borderRadius: 2,
          background: `var(--mantine-color-${color.replace('.', '-')})`,
          display: 'inline-block',
        }}
      />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

/** "12 of 18 answered, 9 accepted, 2 follow-ups, 3 overdue" */
function progressLine(request: FactRequestFull, t: TFunction): string {
  const { total, answered, accepted, followUps, overdue } = request.progress;
  const parts = [
    t('factReview.progress.answered', { answered, count: total }),
    t('factReview.progress.accepted', { count: accepted }),
  ];
  if (followUps > 0) parts.push(t('factReview.progress.followUps', { count: followUps }));
  if (overdue > 0) parts.push(t('factReview.progress.overdue', { count: overdue }));
  return parts.join(', ');
}

/** "after 3 hours", "after 2 days": how long the client took since the request went out. */
function since(from: string | null, to: string | null, t: TFunction): string | null {
  if (!from || !to) return null;
  const hours = Math.max(0, (Date.parse(to) - Date.parse(from)) / 3_600_000);
  if (hours < 1) return t('factReview.turnaround.withinHour');
  if (hours < 48) return t('factReview.turnaround.afterHours', { count: Math.round(hours) });
  return t('factReview.turnaround.afterDays', { count: Math.round(hours / 24) });
}
