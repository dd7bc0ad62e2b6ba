import {
  Badge,
  Button,
  Collapse,
  ColorSwatch,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArchive, IconHistory, IconSearch, IconTransferIn } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric, Topic } from '../../../shared/api/index.ts';
import { rubricsQuery } from '../../clients/queries.ts';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { daysSince, formatMonth, formatMonthInText } from '../../lib/dates.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { usePullTopic } from '../mutations.ts';
import { type ReserveFilters, reserveQuery } from '../queries.ts';
import { TopicHistory } from './TopicHistory.tsx';

export interface PullTarget {
  cycleId: string;
  month: string;
}

interface Props {
  clientId: string;
  timezone: string;
  /** The cycle a topic is pulled into; null when nothing may be pulled. */
  target: PullTarget | null;
}

const ages = [30, 90, 180, 365];

/** The client's parked topics: searchable, filterable, each ready to be pulled into a plan. */
export function ReservePanel({ clientId, timezone, target }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [rubricId, setRubricId] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const [age, setAge] = useState<string | null>(null);
  const [query] = useDebouncedValue(q.trim(), 300);
  const [tagQuery] = useDebouncedValue(tag.trim(), 300);
  const filters: ReserveFilters = {
    q: query || undefined,
    rubricId: rubricId ?? undefined,
    tag: tagQuery || undefined,
    olderThanDays: age ? Number(age) : undefined,
  };
  const reserve = useQuery({ ...reserveQuery(clientId, filters), placeholderData: keepPreviousData });
  const rubrics = useQuery(rubricsQuery(clientId));
  const filtered = Boolean(query || rubricId || tagQuery || age);

  return (
    <Stack gap="md">
      <SimpleGrid
        cols={{ base: 1, sm: 2, md: 4 }}
        spacing="sm"
        role="search"
        aria-label={t('reserve.filters')}
      >
        <TextInput
          label={t('reserve.search')}
          placeholder={t('reserve.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select
          label={t('topics.fields.rubric')}
          placeholder={t('reserve.anyRubric')}
          data={(rubrics.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          value={rubricId}
          onChange={setRubricId}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput label={t('reserve.tag')} value={tag} onChange={(e) => setTag(e.currentTarget.value)} />
        <Select
          label={t('reserve.age')}
          placeholder={t('reserve.anyAge')}
          data={ages.map((days) => ({ value: String(days), label: t('reserve.olderThan', { count: days }) }))}
          value={age}
          onChange={setAge}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {reserve.isPending ? (
        <LoadingState rows={3} />
      ) : reserve.isError ? (
        <ErrorState error={reserve.error} onRetry={() => void reserve.refetch()} />
      ) : reserve.data.length === 0 ? (
        <EmptyBlock
          order={3}
          icon={<IconArchive />}
          title={filtered ? t('reserve.noMatches') : t('reserve.emptyTitle')}
          description={filtered ? undefined : t('reserve.emptyHint')}
        />
      ) : (
        <Stack
          gap="sm"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-busy={reserve.isFetching}
        >
          {reserve.data.map((topic) => (
            <ReserveTopic
              key={topic.id}
              topic={topic}
              rubric={rubrics.data?.find((r) => r.id === topic.rubricId)}
              clientId={clientId}
              timezone={timezone}
              target={target}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

interface TopicProps {
  topic: Topic;
  rubric: Rubric | undefined;
  clientId: string;
  timezone: string;
  target: PullTarget | null;
}

function ReserveTopic({ topic, rubric, clientId, timezone, target }: TopicProps) {
  const { t } = useTranslation();
  const [showHistory, setShowHistory] = useState(false);
  const pull = usePullTopic(clientId);
  const historyId = `reserve-history-${topic.id}`;

  const pullIn = () => {
    if (!target) return;
    pull.mutate(
      { id: topic.id, cycleId: target.cycleId, version: topic.version },
      {
        onSuccess: () =>
          notifySuccess(
            t('reserve.pulled', {
              title: topic.title,
              month: formatMonthInText(target.month, currentLanguage()),
            }),
          ),
        // A stale version means someone changed or pulled it meanwhile: the list refreshes.
        onError: (error) => notifyError(error, t),
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: '1 1 16rem' }}>
            {rubric && <ColorSwatch color={rubric.color} size={14} style={{ flexShrink: 0 }} aria-hidden />}
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {topic.title}
            </Text>
          </Group>
          <Group gap="xs" wrap="wrap">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconHistory size={14} aria-hidden />}
              aria-expanded={showHistory}
              aria-controls={historyId}
              onClick={() => setShowHistory((v) => !v)}
            >
              {t('reserve.history')}
            </Button>
            {target && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconTransferIn size={14} aria-hidden />}
                loading={pull.isPending}
                onClick={pullIn}
                aria-label={t('reserve.pullNamed', {
                  title: topic.title,
                  month: formatMonth(target.month, currentLanguage()),
                })}
              >
                {t('reserve.pull', { month: formatMonth(target.month, currentLanguage()) })}
              </Button>
            )}
          </Group>
        </Group>
        {topic.angle && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {topic.angle}
          </Text>
        )}
        <Group gap={6} wrap="wrap">
          {rubric && (
            <Badge variant="light" color="gray" tt="none">
              {rubric.name}
            </Badge>
          )}
          {topic.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray" tt="none">
              #{tag}
            </Badge>
          ))}
          {topic.reservedAt && (
            <Text size="xs" c="dimmed">
              {t('reserve.since', { count: daysSince(topic.reservedAt) })}
            </Text>
          )}
        </Group>
        <Collapse expanded={showHistory} id={historyId}>
          {showHistory && <TopicHistory topicId={topic.id} timezone={timezone} />}
        </Collapse>
      </Stack>
    </Paper>
  );
}
