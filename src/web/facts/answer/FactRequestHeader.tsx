import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconCircleCheck,
  IconInfoCircle,
  IconMessageQuestion,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { FactRequestPage } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDayShort, formatMonthInText } from '../../lib/dates.ts';
import { needsAttention } from './answerForm.ts';
import classes from './factAnswer.module.css';
import { ProgressBar } from './ProgressBar.tsx';
import { ATTENTION_COLOR } from './tones.ts';

interface Props {
  page: FactRequestPage;
  answering: boolean;
  isAgency: boolean;
  today: string;
}

/** Whose request, for which month, how far along, and what is due when. */
export function FactRequestHeader({ page, answering, isAgency, today }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { request, client, cycle } = page;
  const { progress } = request;
  const percent = progress.total ? Math.round((progress.answered / progress.total) * 100) : 0;

  // Outstanding items by due date: "Thu 26 Nov: 5 to answer".
  const byDue = new Map<string, number>();
  for (const item of request.items) {
    if (item.dueOn && needsAttention(item)) byDue.set(item.dueOn, (byDue.get(item.dueOn) ?? 0) + 1);
  }
  const dues = [...byDue].sort(([a], [b]) => a.localeCompare(b));

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text c="dimmed" fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {client.name}
        </Text>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>
          {t('facts.title', { month: formatMonthInText(cycle.month, language) })}
        </Title>
        {answering && (
          <Text size="sm" maw={640}>
            {t('facts.intro')}
          </Text>
        )}
      </Stack>
      {isAgency && (
        <Alert variant="light" color="indigo" icon={<IconInfoCircle />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('facts.agencyNote')}</Text>
            <Button
              size="sm"
              rightSection={<IconArrowRight size={16} aria-hidden />}
              renderRoot={(props) => (
                <Link
                  to="/cycles/$cycleId"
                  params={{ cycleId: cycle.id }}
                  search={{ tab: 'facts' }}
                  {...props}
                />
              )}
            >
              {t('facts.reviewInPlan')}
            </Button>
          </Stack>
        </Alert>
      )}
      {!answering && !isAgency && cycle.stage === 'closed' && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle />}>
          {t('facts.closedNote')}
        </Alert>
      )}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={600}>
              {t('facts.progress', { answered: progress.answered, total: progress.total })}
            </Text>
            {progress.accepted > 0 && (
              <Text size="sm" c="dimmed">
                {t('facts.accepted', { count: progress.accepted })}
              </Text>
            )}
          </Group>
          <ProgressBar
            value={percent}
            size="lg"
            color={request.status === 'complete' ? 'teal' : 'indigo'}
            label={t('facts.progressLabel')}
            valueText={t('facts.progress', { answered: progress.answered, total: progress.total })}
          />
          {(progress.followUps > 0 || progress.overdue > 0) && (
            <Group gap={6} wrap="wrap">
              {progress.followUps > 0 && (
                <Badge
                  color={ATTENTION_COLOR}
                  variant="filled"
                  tt="none"
                  h="auto"
                  py={3}
                  leftSection={<IconMessageQuestion size={12} aria-hidden />}
                >
                  {isAgency
                    ? t('facts.followUpsAgency', { count: progress.followUps })
                    : t('facts.followUps', { count: progress.followUps })}
                </Badge>
              )}
              {progress.overdue > 0 && (
                <Badge
                  color="red"
                  variant="light"
                  tt="none"
                  h="auto"
                  py={3}
                  leftSection={<IconAlertTriangle size={12} aria-hidden />}
                >
                  {t('facts.overdue', { count: progress.overdue })}
                </Badge>
              )}
            </Group>
          )}
          {dues.length > 0 && (
            <Stack gap={2}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                {t('facts.dueHeading')}
              </Text>
              <Stack gap={2} component="ul" className={classes.plainList}>
                {dues.map(([date, count]) => {
                  const late = date < today;
                  return (
                    <Text
                      component="li"
                      size="sm"
                      key={date}
                      c={late ? 'red.9' : undefined}
                      fw={late ? 600 : 400}
                    >
                      {t(late ? 'facts.dueOnOverdue' : 'facts.dueOn', {
                        date: formatDayShort(date, language),
                        count,
                      })}
                    </Text>
                  );
                })}
              </Stack>
            </Stack>
          )}
          {request.status === 'complete' ? (
            <Group gap={6} c="teal.9" wrap="nowrap">
              <IconCircleCheck size={18} aria-hidden />
              <Text size="sm" fw={500}>
                {t('facts.complete')}
              </Text>
            </Group>
          ) : (
            progress.total > 0 &&
            progress.answered === progress.total &&
            answering && (
              <Group gap={6} c="teal.9" wrap="nowrap">
                <IconCircleCheck size={18} aria-hidden />
                <Text size="sm" fw={500}>
                  {t('facts.allAnswered')}
                </Text>
              </Group>
            )
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
