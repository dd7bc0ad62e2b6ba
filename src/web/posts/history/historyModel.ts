import type { PostComment, PostFull, PostStatusChange, PostVersion } from '../../../shared/api/index.ts';

export type HistoryEvent =
  | { kind: 'version'; at: string; version: PostVersion; previous: PostVersion | null }
  | { kind: 'status'; at: string; change: PostStatusChange };

export interface RoundSection {
  round: number;
  events: HistoryEvent[];
  comments: PostComment[];
  /** The round ended with an approval. */
  approved: boolean;
}

const time = (iso: string) => Date.parse(iso);

/** A version is sent together with the move to client review: one line says both. */
const SAME_MOMENT_MS = 60_000;

/**
 * The post's life grouped by revision round: the versions sent (each with the one before it),
 * the status changes, and the comments written in the round. A status change belongs to the
 * round of the last version sent before it, so "changes requested" closes the round it judged.
 */
export function historyByRound(data: PostFull): RoundSection[] {
  const versions = [...data.versions].sort((a, b) => a.revision - b.revision);
  const rounds = new Map<number, RoundSection>();
  const section = (round: number) => {
    let found = rounds.get(round);
    if (!found) {
      found = { round, events: [], comments: [], approved: false };
      rounds.set(round, found);
    }
    return found;
  };

  versions.forEach((version, i) => {
    section(version.round).events.push({
      kind: 'version',
      at: version.createdAt,
      version,
      previous: versions[i - 1] ?? null,
    });
  });
  for (const change of data.history) {
    const sentWith = versions.some(
      (v) => change.to === 'client_review' && Math.abs(time(v.createdAt) - time(change.at)) < SAME_MOMENT_MS,
    );
    if (sentWith) continue;
    const before = versions.filter((v) => time(v.createdAt) <= time(change.at)).at(-1);
    const target = section(before?.round ?? 1);
    target.events.push({ kind: 'status', at: change.at, change });
    if (change.to === 'approved') target.approved = true;
  }
  for (const comment of data.comments) section(comment.round).comments.push(comment);

  return [...rounds.values()]
    .sort((a, b) => a.round - b.round)
    .map((s) => ({
      ...s,
      events: s.events.sort((a, b) => time(a.at) - time(b.at)),
      comments: s.comments.sort((a, b) => time(a.createdAt) - time(b.createdAt)),
    }));
}
