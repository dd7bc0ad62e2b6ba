import type { PostStatus } from '../../shared/posts/statuses.ts';
import type { CycleStage } from '../../shared/roles.ts';
import type { Actor } from '../auth/actor.ts';
import type { ClientRow } from '../tenancy.ts';
import { agencyRoleIn, isAgencyManager } from './agency.ts';

type ClientRef = Pick<ClientRow, 'id' | 'agencyId' | 'archivedAt'>;
type CycleRef = { stage: CycleStage };
type PostRef = { status: PostStatus; revision: number };

const open = (client: ClientRef, cycle: CycleRef) => cycle.stage !== 'closed' && client.archivedAt === null;
const isAgency = (actor: Actor, client: ClientRef) => agencyRoleIn(actor, client.agencyId) !== null;
const isContact = (actor: Actor, client: ClientRef) => actor.contactOf.has(client.id);
const isApprover = (actor: Actor, client: ClientRef) => actor.contactOf.get(client.id)?.role === 'approver';

/** Writing starts once the fact request is out (writers need not wait for every answer). */
const writingStages: CycleStage[] = ['facts', 'content', 'running'];

/**
 * The agency sees every post; the client's contacts once a version was sent to them (a
 * writer's first draft is not theirs to see).
 */
export function canViewPost(actor: Actor, client: ClientRef, post: PostRef): boolean {
  return isAgency(actor, client) || (isContact(actor, client) && post.revision > 0);
}

/** Anyone of the agency starts a post for a slot, once writing has begun. */
export function canCreatePost(actor: Actor, client: ClientRef, cycle: CycleRef): boolean {
  return isAgency(actor, client) && open(client, cycle) && writingStages.includes(cycle.stage);
}

/**
 * The agency's writers edit a post until it is published, except while the client reviews
 * it: what the client approves must be what they read. An approved post stays editable (a
 * late fix happens); the edit is tracked, and on the publish day logged as a rewrite.
 */
export function canEditPost(actor: Actor, client: ClientRef, cycle: CycleRef, post: PostRef): boolean {
  return (
    isAgency(actor, client) &&
    open(client, cycle) &&
    post.status !== 'client_review' &&
    post.status !== 'published'
  );
}

/**
 * Sending to the client: anyone of the agency, unless the client wants internal review, in
 * which case a manager passes it on. Taking a post back and sending it to review: anyone.
 */
export function canSendPost(
  actor: Actor,
  client: ClientRef,
  cycle: CycleRef,
  to: PostStatus,
  options: { internalReview: boolean; from: PostStatus },
): boolean {
  if (!isAgency(actor, client) || !open(client, cycle)) return false;
  if (to === 'client_review' && (options.internalReview || options.from === 'internal_review')) {
    return isAgencyManager(actor, client.agencyId);
  }
  return true;
}

/** The client's approvers approve or ask for changes; contributors comment. */
export function canDecideOnPost(actor: Actor, client: ClientRef, cycle: CycleRef, post: PostRef): boolean {
  return isApprover(actor, client) && open(client, cycle) && post.status === 'client_review';
}

export function canCommentOnPost(actor: Actor, client: ClientRef, cycle: CycleRef, post: PostRef): boolean {
  return open(client, cycle) && canViewPost(actor, client, post);
}

export function canPublishPost(actor: Actor, client: ClientRef, cycle: CycleRef, post: PostRef): boolean {
  return isAgency(actor, client) && cycle.stage !== 'closed' && post.status === 'approved';
}

/** Unplanned changes and activating a contingency: the agency's managers, during the month's work. */
export function canLogChange(actor: Actor, client: ClientRef, cycle: CycleRef): boolean {
  return (
    isAgencyManager(actor, client.agencyId) && open(client, cycle) && writingStages.includes(cycle.stage)
  );
}

export function postAbilities(
  actor: Actor,
  client: ClientRef & { postInternalReview: boolean },
  cycle: CycleRef,
  post: PostRef,
) {
  const edit = canEditPost(actor, client, cycle, post);
  const next = client.postInternalReview ? 'internal_review' : 'client_review';
  return {
    edit,
    send:
      isAgency(actor, client) &&
      open(client, cycle) &&
      (post.status === 'client_review' ||
        canSendPost(actor, client, cycle, post.status === 'internal_review' ? 'client_review' : next, {
          internalReview: client.postInternalReview,
          from: post.status,
        })),
    approve: canDecideOnPost(actor, client, cycle, post),
    requestChanges: canDecideOnPost(actor, client, cycle, post),
    comment: canCommentOnPost(actor, client, cycle, post),
    publish: canPublishPost(actor, client, cycle, post),
    uploadAssets: edit,
  };
}
