import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { FactRequestPage } from '../../../shared/api/index.ts';
import { useLiveRooms } from '../../live/useLiveRooms.ts';
import { factKeys } from '../queries.ts';

/** A burst of events (several files, a review round) refetches once. */
const SETTLE_MS = 200;
/**
 * A session opened from the request's link listens in no room (LIVE-SPEC [A5]: the client's room
 * carries every month's events); its page asks again this often while it is shown instead.
 */
const POLL_MS = 5000;

/**
 * Keeps an open request current: the agency accepting or asking a follow-up, another contact
 * answering. The refetched items reach the inputs only where nobody is typing (see
 * useItemAnswer).
 */
export function useLiveFactRequest(page: FactRequestPage | undefined): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const requestId = page?.request.id;

  useEffect(() => () => clearTimeout(timer.current), []);

  const listens = (page?.rooms.length ?? 0) > 0;
  useEffect(() => {
    if (!requestId || listens) return;
    const poll = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      void queryClient.invalidateQueries({ queryKey: factKeys.request(requestId) });
    }, POLL_MS);
    return () => clearInterval(poll);
  }, [requestId, listens, queryClient]);

  useLiveRooms(page?.rooms ?? [], (event) => {
    if (!requestId) return;
    if (event && (event.subjectType !== 'fact_request' || event.subjectId !== requestId)) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: factKeys.request(requestId) });
      void queryClient.invalidateQueries({ queryKey: factKeys.notifications });
    }, SETTLE_MS);
  });
}
