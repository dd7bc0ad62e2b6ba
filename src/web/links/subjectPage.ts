import type { LinkScope } from '../../shared/api/links.ts';

/** The page a scoped link opens: where the link page goes, and the only place a scoped session's menu shows. */
export function subjectPage(scope: LinkScope) {
  if (scope.kind === 'facts')
    return { to: '/facts/$requestId', params: { requestId: scope.subjectId } } as const;
  if (scope.kind === 'meeting')
    return { to: '/meetings/$meetingId', params: { meetingId: scope.subjectId } } as const;
  return { to: '/cycles/$cycleId', params: { cycleId: scope.cycleId }, search: { tab: 'posts' } } as const;
}
