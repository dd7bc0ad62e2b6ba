import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconChecklist, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDayShort } from '../../lib/dates.ts';
import { useMe } from '../../lib/useMe.ts';
import { cycleFactRequestQuery } from '../queries.ts';
import { needsAttention } from './answerForm.ts';
import { todayIn } from './clientTime.ts';
import { ProgressBar } from './ProgressBar.tsx';

/**
 * For the client's contacts on the cycle page: the agency needs facts for this month, how
 * far along the answers are, and the way in. Renders nothing before the request is sent,
 * or for the agency (it reviews the request in the plan's Facts tab instead). In a closed
 * month it only leads to the answers.
 */
export function FactRequestBanner({ cycleId, timeZone }: { cycleId: string; timeZone: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const me = useMe();
  const { data: request } = useQuery(cycleFactRequestQuery(cycleId));
  if (!request || request.status === 'draft') return null;
  if (!request.abilities.answer && me.agency) return null;

  const { progress } = request;
  const answering = request.abilities.answer;
  const complete = request.status === 'complete' || progress.answered === progress.total;
  // Nothing more to do here: all answered, or the month is closed (answers only to read).
  const done = complete || !answering;
  const open = request.items.filter(needsAttention);
  const nextDue = open
    .map((i) => i.dueOn)
    .filter((d): d is string => Boolean(d))
    .sort()[0];
  const overdue = Boolean(nextDue && nextDue < todayIn(timeZone));
  const percent = progress.total ? Math.round((progress.answered / progress.total) * 100) : 0;

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={titleId}
      bg={done ? undefined : 'var(--mantine-color-indigo-0)'}
      style={done ? undefined : { borderColor: 'var(--mantine-color-indigo-3)' }}
    >
      <Group justify="space-between" gap="sm" wrap="wrap" align="center">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 260px', minWidth: 0 }}>
          <ThemeIcon
            variant="light"
            color={complete ? 'teal' : done ? 'gray' : 'indigo'}
            size={36}
            radius="xl"
            style={{ flex: 'none' }}
          >
            {complete ? <IconCircleCheck size={20} aria-hidden /> : <IconChecklist size={20} aria-hidden />}
          </ThemeIcon>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} id={titleId}>
              {complete
                ? t('facts.banner.doneTitle')
                : answering
                  ? t('facts.banner.title')
                  : t('facts.banner.closedTitle')}
            </Text>
            <Text size="sm">
              {t('facts.banner.progress', { answered: progress.answered, total: progress.total })}
              {progress.followUps > 0 && ` · ${t('facts.banner.attention', { count: progress.followUps })}`}
            </Text>
            {!done && nextDue && (
              <Text size="sm" c={overdue ? 'red.9' : 'dimmed'} fw={overdue ? 600 : undefined}>
                {t(overdue ? 'facts.banner.overdueSince' : 'facts.banner.dueBy', {
                  date: formatDayShort(nextDue, currentLanguage()),
                })}
              </Text>
            )}
            <ProgressBar
              value={percent}
              size="sm"
              color={complete ? 'teal' : 'indigo'}
              label={t('facts.progressLabel')}
              valueText={t('facts.banner.progress', { answered: progress.answered, total: progress.total })}
              maw={320}
            />
          </Stack>
        </Group>
        <Button
          variant={done ? 'default' : 'filled'}
          rightSection={<IconArrowRight size={16} aria-hidden />}
          renderRoot={(props) => (
            <Link to="/facts/$requestId" params={{ requestId: request.id }} {...props} />
          )}
          w={{ base: '100%', xs: 'auto' }}
          size="md"
        >
          {done ? t('facts.banner.view') : t('facts.banner.action')}
        </Button>
      </Group>
    </Paper>
  );
}
