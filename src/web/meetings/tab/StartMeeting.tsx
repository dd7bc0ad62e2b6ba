import { List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Cycle, Meeting } from '../../../shared/api/index.ts';
import { ApiError } from '../../api/client.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { missingLabel } from '../../planning/labels.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { useOpenMeeting } from './meetingTabMutations.ts';

/** What still blocks the move to the meeting stage, in words (from a refusal or from the cycle). */
export function Missing({ codes, id }: { codes: string[]; id?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} id={id}>
      <Text size="sm" fw={500}>
        {t('meetingSetup.blockedTitle')}
      </Text>
      <List size="sm" spacing={2}>
        {codes.map((code) => (
          <List.Item key={code}>{missingLabel(code, t)}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/**
 * "Start the meeting" (then into the room) or, in fire mode, "Open the review". Both move the
 * cycle to its meeting stage, so what the stage needs shows beforehand.
 */
export function StartMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { cycle } = usePlanData();
  const open = useOpenMeeting(meeting);
  const navigate = useNavigate();
  const async = meeting.format === 'async';
  const missing = missingForMeeting(cycle);

  // Navigate once the call answers, not in a per-call callback: the refetch that follows
  // shows the meeting live and unmounts this button, and TanStack Query skips the callbacks of
  // an unmounted caller.
  const confirm = () =>
    open.mutateAsync(undefined).then(
      () => {
        notifySuccess(async ? t('meetingSetup.reviewOpened') : t('meetingSetup.started'));
        if (!async) void navigate({ to: '/meetings/$meetingId', params: { meetingId: meeting.id } });
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'stage_blocked' && error.fields.to) {
          notifications.show({
            color: 'red',
            title: t('errors.title'),
            message: <Missing codes={error.fields.to.split(',')} />,
          });
        } else notifyError(error, t);
      },
    );

  return (
    <ConfirmAction
      leftSection={<IconPlayerPlay size={18} aria-hidden />}
      color={async ? 'orange' : undefined}
      disabled={missing.length > 0}
      describedBy={missing.length > 0 ? missingId(meeting) : undefined}
      title={async ? t('meetingSetup.openReviewTitle') : t('meetingSetup.startTitle')}
      message={async ? t('meetingSetup.openReviewBody') : t('meetingSetup.startBody')}
      confirmLabel={async ? t('meetingSetup.openReview') : t('meetingSetup.start')}
      onConfirm={confirm}
      loading={open.isPending}
    >
      {async ? t('meetingSetup.openReview') : t('meetingSetup.start')}
    </ConfirmAction>
  );
}

/** Starting moves a cycle still in preparation to its meeting stage: what that stage needs first. */
export function missingForMeeting(cycle: Cycle): string[] {
  return cycle.stage === 'preparation' && cycle.next?.stage === 'meeting' ? cycle.next.missing : [];
}

export const missingId = (meeting: Meeting) => `meeting-missing-${meeting.id}`;
