import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Plan } from '../../shared/api/index.ts';
import { clientKeys } from '../clients/queries.ts';
import { factKeys } from '../facts/queries.ts';
import { useLiveRooms } from '../live/useLiveRooms.ts';
import { postKeys } from '../posts/queries.ts';
import { planKeys } from './queries.ts';

/** A burst of events (filling a month) refetches once. */
const SETTLE_MS = 150;

/**
 * Keeps an open plan current: any change of its client refetches the plan (and the
 * client's channels, rubrics and the month's fact request when those changed), well within a second.
 */
export function useLivePlan(plan: Plan | undefined): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef(new Set<string>());
  const cycleId = plan?.cycle.id;
  const clientId = plan?.cycle.clientId;

  useEffect(() => () => clearTimeout(timer.current), []);

  useLiveRooms(plan?.rooms ?? [], (event) => {
    if (!cycleId || !clientId) return;
    if (event && event.clientId !== clientId) return;
    pending.current.add('plan');
    if (!event || event.subjectType === 'channel') pending.current.add('channels');
    if (!event || event.subjectType === 'rubric') pending.current.add('rubrics');
    if (!event || event.subjectType === 'topic') pending.current.add('reserve');
    // Ending the meeting drafts the fact request.
    if (!event || event.subjectType === 'fact_request' || event.type === 'meeting.ended')
      pending.current.add('facts');
    if (!event || event.subjectType === 'post') pending.current.add('posts');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const what = pending.current;
      pending.current = new Set();
      if (what.has('plan')) void queryClient.invalidateQueries({ queryKey: planKeys.plan(cycleId) });
      if (what.has('channels'))
        void queryClient.invalidateQueries({ queryKey: clientKeys.channels(clientId) });
      if (what.has('rubrics')) void queryClient.invalidateQueries({ queryKey: clientKeys.rubrics(clientId) });
      if (what.has('reserve'))
        void queryClient.invalidateQueries({ queryKey: planKeys.reserveAll(clientId) });
      if (what.has('facts')) void queryClient.invalidateQueries({ queryKey: factKeys.cycleRequest(cycleId) });
      // The month's posts and changes; an open post refetches too (its status may have moved).
      if (what.has('posts')) {
        void queryClient.invalidateQueries({ queryKey: postKeys.list(cycleId) });
        void queryClient.invalidateQueries({ queryKey: postKeys.changes(cycleId) });
        void queryClient.invalidateQueries({ queryKey: ['posts'] });
      }
    }, SETTLE_MS);
  });
}
