import { z } from 'zod';

/** What a scoped link opens: a fact request, the posts of one month waiting for review, a meeting. */
export const linkKinds = ['facts', 'review', 'meeting'] as const;
export type LinkKind = (typeof linkKinds)[number];
export const linkKind = z.enum(linkKinds);

/** The subject a scoped session is limited to; null for a full session. */
export const linkScope = z.object({
  kind: linkKind,
  subjectId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  /** The month (cycle) the subject belongs to, for the page to open. */
  cycleId: z.uuid(),
});
export type LinkScope = z.infer<typeof linkScope>;
