import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { PostFull } from '../../../shared/api/index.ts';
import { useLiveRooms } from '../../live/useLiveRooms.ts';
import { postKeys } from '../queries.ts';

/** A burst of events (a client approving several, uploads) refetches once. */
const SETTLE_MS = 250;

/**
 * Keeps an open post current: the client commenting or approving, a co-writer's status move
 * or upload. The fields' inputs take the refetched post only where nobody is typing (see
 * usePostFields); the copy itself is live through Yjs.
 */
export function useLivePost(data: PostFull | undefined): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const postId = data?.post.id;

  useEffect(() => () => clearTimeout(timer.current), []);

  useLiveRooms(data?.rooms ?? [], (event) => {
    if (!postId) return;
    if (event && (event.subjectType !== 'post' || event.subjectId !== postId)) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: postKeys.post(postId) });
    }, SETTLE_MS);
  });
}
