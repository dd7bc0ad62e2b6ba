import { Grid, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBulb, IconCalendarCheck, IconMessages } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useMe } from '../../lib/useMe.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { cycleMeetingQuery, meetingKeys } from '../queries.ts';
import { MeetingReviewView } from '../review/MeetingReviewView.tsx';
import { SummaryView } from '../SummaryView.tsx';
import { MeetingDetails } from './MeetingDetails.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { useLiveMeeting } from './useLiveMeeting.ts';

/**
 * The cycle's co-creation meeting: before one exists, what it is for and the form to schedule
 * it; then its details; in fire mode, the written review; afterwards, the summary.
 */
export function MeetingTab() {
  const { cycle, plan } = usePlanData();
  const queryClient = useQueryClient();
  const meeting = useQuery(cycleMeetingQuery(cycle.id));
  useLiveMeeting(plan.rooms, cycle.id, meeting.data?.id);

  if (meeting.isError) return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (meeting.isPending) return <LoadingState rows={3} height={96} />;
  const m = meeting.data;
  if (!m) return <NoMeeting />;
  if (m.status === 'ended') return <SummaryView meeting={m} />;
  if (m.format === 'async' && m.status === 'live') {
    return (
      <MeetingReviewView
        meeting={m}
        onChanged={() => void queryClient.invalidateQueries({ queryKey: meetingKeys.cycleMeeting(cycle.id) })}
      />
    );
  }
  return <MeetingDetails meeting={m} />;
}

/** Why the meeting matters, and for the agency's managers the form that schedules it. */
function NoMeeting() {
  const { t } = useTranslation();
  const { cycle, client, can } = usePlanData();
  const me = useMe();
  const open = cycle.stage === 'preparation' || cycle.stage === 'meeting';
  const canSchedule = can.update && open;
  const points = [
    { key: 'plans', icon: <IconCalendarCheck size={16} aria-hidden /> },
    { key: 'topics', icon: <IconMessages size={16} aria-hidden /> },
    { key: 'ideas', icon: <IconBulb size={16} aria-hidden /> },
  ] as const;

  const intro = (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('meetingSetup.introTitle')}
        </Title>
        <Text size="sm">{t('meetingSetup.intro')}</Text>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {points.map((p) => (
            <Group key={p.key} component="li" gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size={26} radius="xl" style={{ flex: 'none' }}>
                {p.icon}
              </ThemeIcon>
              <Text size="sm">{t(`meetingSetup.introPoints.${p.key}`)}</Text>
            </Group>
          ))}
        </Stack>
        {!canSchedule && (
          <Text size="sm" c="dimmed" mt="xs">
            {!open
              ? t('meetingSetup.pastStage')
              : me.agency
                ? t('meetingSetup.waitingAgency')
                : t('meetingSetup.waitingContact')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
  if (!canSchedule) return intro;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>{intro}</Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Title order={2} fz="h3" mb="md">
            {t('meetingSetup.scheduleTitle')}
          </Title>
          <MeetingForm cycle={cycle} client={client} onDone={() => {}} />
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
