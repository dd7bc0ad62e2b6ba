import { notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { i18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { planKeys } from '../../planning/queries.ts';
import { meetingKeys } from '../queries.ts';

/** Codes the room explains in its own words (the vote budget, a meeting not on). */
export function roomErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const key = `meeting.errors.${error.code}`;
    if (i18n.exists(key)) return t(key as 'meeting.errors.stale_version');
  }
  return errorMessage(error, t);
}

/**
 * A change in the room was refused. Someone else was quicker (a stale version, a slot just
 * taken): the room reloads what is saved now and says so; anything else is reported as it is.
 */
export function reportRoomError(
  error: unknown,
  t: TFunction,
  queryClient: QueryClient,
  scope: { meetingId: string; cycleId: string },
): void {
  const conflict = error instanceof ApiError && error.status === 409;
  if (conflict) {
    void queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(scope.meetingId) });
    void queryClient.invalidateQueries({ queryKey: planKeys.plan(scope.cycleId) });
    void queryClient.invalidateQueries({ queryKey: meetingKeys.clientPlans(scope.cycleId) });
  }
  notifications.show({
    color: conflict ? 'orange' : 'red',
    title: conflict ? t('meeting.errors.conflictTitle') : t('errors.title'),
    message: roomErrorMessage(error, t),
  });
}
