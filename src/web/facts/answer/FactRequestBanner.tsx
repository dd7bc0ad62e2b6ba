import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconChecklist, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cycleFactRequestQuery } from '../../api/factQueries.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDayShort } from '../../lib/dates.ts';
import { needsAttention } from './answerForm.ts';
import { ProgressBar } from './ProgressBar.tsx';

/**
 * For the client's contacts on the cycle page: the agency needs facts for this month, how
 * far along the answers are, and the way in. Renders nothing before the request is sent,
 * or for people who cannot answer it (the agency reviews it in the plan instead).
 */
export function FactRequestBanner({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { data: request } = useQuery(cycleFactRequestQuery(cycleId));
  if (!request || request.status === 'draft' || !request.abilities.answer) return null;

  const { progress } = request;
  const done = request.status === 'complete' || progress.answered === progress.total;
  const open = request.items.filter(needsAttention);
  const nextDue = open
    .map((i) => i.dueOn)
    .filter((d): d is string => Boolean(d))
    .sort()[0];
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
            color={done ? 'teal' : 'indigo'}
            size={36}
            radius="xl"
            style={{ flex: 'none' }}
          >
            {done ? <IconCircleCheck size={20} aria-hidden /> : <IconChecklist size={20} aria-hidden />}
          </ThemeIcon>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} id={titleId}>
              {done ? t('facts.banner.doneTitle') : t('facts.banner.title')}
            </Text>
            <Text size="sm">
              {t('facts.banner.progress', { answered: progress.answered, total: progress.total })}
              {progress.followUps > 0 && ` · ${t('facts.banner.attention', { count: progress.followUps })}`}
            </Text>
            {!done && nextDue && (
              <Text size="sm" c={progress.overdue > 0 ? 'red.9' : 'dimmed'}>
                {t('facts.banner.dueBy', { date: formatDayShort(nextDue, currentLanguage()) })}
              </Text>
            )}
            <ProgressBar
              value={percent}
              size="sm"
              color={done ? 'teal' : 'indigo'}
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
