import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconFlame, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { Meeting } from '../../shared/api/index.ts';
import { urlOf } from '../api/client.ts';
import { clientQuery } from '../clients/queries.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatDayLong } from '../lib/dates.ts';
import { formatDate, formatDateTime, formatTime } from '../lib/format.ts';
import { AgreedSchedule } from './summary/AgreedSchedule.tsx';
import { ClientPlans } from './summary/ClientPlans.tsx';
import { subjectText } from './summary/labels.ts';
import { Questions } from './summary/Questions.tsx';
import { Section } from './summary/Section.tsx';
import classes from './summary/summary.module.css';
import { TopicLists } from './summary/TopicLists.tsx';

/**
 * What the meeting (or the fire-mode review) agreed, as frozen when it ended: the schedule, the
 * topics parked, dropped and new, the client's plans, questions, comments, notes and who took part.
 */
export function SummaryView({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const client = useQuery(clientQuery(meeting.clientId));
  const summary = meeting.summary;
  if (!summary) return null;
  const fire = summary.fireMode;
  const notes = summary.notes.filter((p) => p.trim().length > 0);
  const bySide = (people: { name: string; side: 'agency' | 'client' }[]) =>
    (['agency', 'client'] as const).map((side) => ({
      side,
      names: people.filter((p) => p.side === side).map((p) => p.name),
    }));
  const sides = bySide(summary.participants);
  const absent = bySide(summary.absent ?? []).filter((s) => s.names.length > 0);
  const timeZone = client.data?.timezone;
  // When it actually ran; a summary kept before the start was recorded shows the plan and the end.
  const startedAt = summary.startedAt ?? meeting.startedAt;
  const happened = startedAt
    ? formatDate(startedAt, language, timeZone) === formatDate(summary.endedAt, language, timeZone)
      ? t('summary.happened', {
          date: formatDate(startedAt, language, timeZone),
          from: formatTime(startedAt, language, timeZone),
          to: formatTime(summary.endedAt, language, timeZone),
        })
      : t('summary.happenedAcross', {
          from: formatDateTime(startedAt, language, timeZone),
          to: formatDateTime(summary.endedAt, language, timeZone),
        })
    : null;

  return (
    <Stack gap="lg" className={classes.root}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} miw={0} style={{ flex: '1 1 18rem' }}>
          <Group gap="xs">
            <Title order={2} fz="h3">
              {fire ? t('summary.titleAsync') : t('summary.title')}
            </Title>
            {fire && (
              <Badge
                color="orange"
                variant="light"
                tt="none"
                leftSection={<IconFlame size={12} aria-hidden />}
              >
                {t('meetingSetup.fireBadge')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" data-testid="summary-happened">
            {t(`meetingSetup.formatShort.${meeting.format}`)} ·{' '}
            {happened ??
              t('meetingSetup.whenValue', {
                date: formatDayLong(meeting.date, language),
                time: meeting.time,
              })}
          </Text>
          {!happened && (
            <Text size="sm" c="dimmed">
              {t('summary.endedAt', { date: formatDateTime(summary.endedAt, language, timeZone) })}
            </Text>
          )}
        </Stack>
        <Group gap="sm" className={classes.noPrint}>
          <Button
            variant="default"
            leftSection={<IconPrinter size={18} aria-hidden />}
            onClick={() => window.print()}
          >
            {t('summary.print')}
          </Button>
          <Button
            component="a"
            href={urlOf(endpoints.downloadMeetingSummaryPdf, {
              params: { meetingId: meeting.id },
              query: { lang: language },
            })}
            download
            leftSection={<IconFileTypePdf size={18} aria-hidden />}
          >
            {t('summary.downloadPdf')}
          </Button>
        </Group>
      </Group>

      {fire && (
        <Alert color="orange" variant="light" icon={<IconFlame />}>
          {t('summary.fireMode')}
        </Alert>
      )}

      <Section id="summary-agreed" title={t('summary.agreed')}>
        <AgreedSchedule agreed={summary.agreed} />
      </Section>

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <TopicLists summary={summary} />
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section id="summary-plans" title={t('summary.plans')}>
          <ClientPlans plans={summary.plans} />
        </Section>
        <Section id="summary-questions" title={t('summary.questions')}>
          <Questions questions={summary.questions} />
        </Section>
      </SimpleGrid>

      {summary.comments.length > 0 && (
        <Section id="summary-comments" title={t('summary.comments')}>
          <Stack gap="sm">
            {summary.comments.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a frozen summary never reorders
              <div key={i} style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {subjectText(c.subject, t, language)}
                </Text>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {c.authorName ?? '—'}
                  </Text>
                  {(c.verdict === 'accept' || c.verdict === 'changes') && (
                    <Badge
                      size="xs"
                      variant="light"
                      color={c.verdict === 'accept' ? 'teal' : 'orange'}
                      tt="none"
                    >
                      {t(`review.verdicts.${c.verdict}`)}
                    </Badge>
                  )}
                </Group>
                {c.body && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {c.body}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        </Section>
      )}

      {notes.length > 0 && (
        <Section id="summary-notes" title={t('summary.notes')}>
          <Stack gap="xs">
            {notes.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a frozen summary never reorders
              <Text size="sm" key={i} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {p}
              </Text>
            ))}
          </Stack>
        </Section>
      )}

      <Section id="summary-participants" title={t('summary.participants')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {sides.map(({ side, names }) => (
            <div key={side}>
              <Text size="sm" fw={600}>
                {t(`summary.sides.${side}`)}
              </Text>
              <Text size="sm" c={names.length ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                {names.length ? names.join(', ') : t('summary.none')}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {absent.length > 0 && (
          <Stack gap={4} mt="md">
            <Text size="sm" fw={600} c="dimmed">
              {t('summary.absent')}
            </Text>
            {absent.map(({ side, names }) => (
              <Text key={side} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t(`summary.sides.${side}`)}: {names.join(', ')}
              </Text>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
