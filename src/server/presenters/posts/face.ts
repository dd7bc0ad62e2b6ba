import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import { isInternalMove, type PostStatus, statusTheClientKnows } from '../../../shared/posts/statuses.ts';
import type { Executor } from '../../db/connect.ts';
import { postStatusChanges, postVersions, type VersionAsset } from '../../db/schema/index.ts';
import type { Side } from '../../policies/side.ts';
import type { PostRow } from '../../posts/load.ts';

/** A sent version without its Yjs state (read only where a comment's anchor needs it). */
const { copyState: _state, ...versionColumns } = getTableColumns(postVersions);
export type SentVersion = Omit<typeof postVersions.$inferSelect, 'copyState'>;

/**
 * What one side sees of a post's content. The agency works on the post as it is; a client
 * contact sees it only as the last version sent to them (`post_versions` at the post's
 * `revision`): copy, fields, files and publish time as they were sent, and the status the
 * client last knew. This is the one place that decides it: the list, the full post and the
 * comments' anchors read their content from here, never from the post row for a contact.
 */
export interface PostFace {
  status: PostStatus;
  copyText: string;
  publishAt: Date;
  visualBrief: string;
  hashtags: string[];
  link: string;
  firstComment: string;
  /** The files the version lists (a contact); null: the post's files as they are (the agency). */
  sentAssets: VersionAsset[] | null;
  /** The agency's edit counter; for a contact, the revision (what their answers are about). */
  version: number;
  updatedAt: Date;
  /** The agency only: the copy differs from the version the client approved. */
  editedAfterApproval: boolean;
  /** The version a contact sees the post as; null for the agency. */
  sent: SentVersion | null;
}

/**
 * How each of these posts looks to this audience, by post id. A contact never gets a face for
 * a post without a sent version (such a post is not theirs to see: `canViewPost`).
 */
export async function postFaces(
  db: Executor,
  audience: Side,
  rows: PostRow[],
  startsAt: (postId: string) => Date,
): Promise<Map<string, PostFace>> {
  const ids = rows.map((p) => p.id);
  if (ids.length === 0) return new Map();
  const versions = await db
    .select(versionColumns)
    .from(postVersions)
    .where(inArray(postVersions.postId, ids))
    .orderBy(asc(postVersions.revision));
  const versionOf = (postId: string, revision: number | null) =>
    versions.find((v) => v.postId === postId && v.revision === revision);
  if (audience === 'agency') {
    return new Map(
      rows.map((p) => {
        const approvedText = p.approvedRevision ? versionOf(p.id, p.approvedRevision)?.copyText : undefined;
        const face: PostFace = {
          status: p.status,
          copyText: p.copyText,
          publishAt: startsAt(p.id),
          visualBrief: p.visualBrief,
          hashtags: p.hashtags,
          link: p.link,
          firstComment: p.firstComment,
          sentAssets: null,
          version: p.version,
          updatedAt: p.updatedAt,
          editedAfterApproval: approvedText !== undefined && approvedText !== p.copyText,
          sent: null,
        };
        return [p.id, face];
      }),
    );
  }
  const moves = await db
    .select()
    .from(postStatusChanges)
    .where(inArray(postStatusChanges.postId, ids))
    .orderBy(asc(postStatusChanges.id));
  const faces = new Map<string, PostFace>();
  for (const p of rows) {
    const sent = p.revision > 0 ? versionOf(p.id, p.revision) : undefined;
    if (!sent) continue;
    const own = moves.filter((m) => m.postId === p.id);
    const told = own.findLast((m) => !isInternalMove(m.fromStatus, m.toStatus));
    faces.set(p.id, {
      // Never the agency's internal review (statuses.ts says which status instead).
      status: statusTheClientKnows(
        p.status,
        own.map((m) => ({ from: m.fromStatus, to: m.toStatus })),
      ),
      copyText: sent.copyText,
      publishAt: sent.publishAt,
      visualBrief: sent.visualBrief,
      hashtags: sent.hashtags,
      link: sent.link,
      firstComment: sent.firstComment,
      sentAssets: sent.assets,
      version: p.revision,
      // The last change the client saw: a move they were told of (or the version itself).
      updatedAt: told && told.at > sent.createdAt ? told.at : sent.createdAt,
      editedAfterApproval: false,
      sent,
    });
  }
  return faces;
}

/** The Yjs state a sent version kept of its copy (null for versions sent before it was kept). */
export async function sentCopyState(db: Executor, version: SentVersion): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ state: postVersions.copyState })
    .from(postVersions)
    .where(and(eq(postVersions.postId, version.postId), eq(postVersions.revision, version.revision)));
  return row?.state ?? null;
}
