import { eq } from 'drizzle-orm';
import type { PostStatus } from '../../shared/posts/statuses.ts';
import type { Actor } from '../auth/actor.ts';
import type { Executor } from '../db/connect.ts';
import { clientMembers } from '../db/schema/index.ts';
import { agencyManagers, notify } from '../notifications/notify.ts';
import type { PostInCycle } from './load.ts';

/** Everyone of the client: approvers decide, contributors comment. */
async function contactsOfClient(tx: Executor, clientId: string) {
  return (await contactRolesOf(tx, clientId)).map((r) => r.id);
}

async function contactRolesOf(tx: Executor, clientId: string) {
  return tx
    .select({ id: clientMembers.userId, role: clientMembers.role })
    .from(clientMembers)
    .where(eq(clientMembers.clientId, clientId));
}

/** The post's writer and the agency's managers: who acts when the client has spoken. */
async function agencySide(tx: Executor, found: PostInCycle) {
  const ids = await agencyManagers(tx, found.client.agencyId);
  if (found.post.createdById) ids.push(found.post.createdById);
  return ids;
}

const others = (ids: string[], actor: Actor) => ids.filter((id) => id !== actor.user.id);

/** Tell the side whose move it now is; "waits for you" moves also reach the inbox. */
export async function notifyPostMove(
  tx: Executor,
  actor: Actor,
  found: PostInCycle,
  from: PostStatus,
  note: string,
) {
  const { post, client, cycle } = found;
  const data = {
    clientName: client.name,
    month: cycle.month,
    by: actor.user.name,
    timezone: client.timezone,
    round: post.round,
  };
  const base = { agencyId: client.agencyId, data, link: `/posts/${post.id}` };
  switch (post.status) {
    case 'client_review': {
      // Many posts go out in one sitting: one entry per month ("5 posts wait for you"). Only
      // approvers are asked to approve; contributors hear that the posts wait for their approver.
      // The email links each contact's scoped review link, to the post while it is the only one.
      const contacts = await contactRolesOf(tx, client.id);
      for (const mayApprove of [1, 0]) {
        const people = contacts
          .filter((c) => (c.role === 'approver') === (mayApprove === 1))
          .map((c) => c.id);
        await notify(tx, people, {
          ...base,
          data: {
            ...data,
            mayApprove,
            clientId: client.id,
            linkKind: 'review',
            subjectId: cycle.id,
            postId: post.id,
          },
          kind: 'post_review',
          link: `/cycles/${cycle.id}?tab=posts`,
          foldKey: cycle.id,
          email: true,
        });
      }
      break;
    }
    case 'internal_review':
      await notify(tx, others(await agencyManagers(tx, client.agencyId), actor), {
        ...base,
        kind: 'post_internal_review',
        email: true,
      });
      break;
    case 'changes_requested':
      await notify(tx, others(await agencySide(tx, found), actor), {
        ...base,
        data: { ...data, note: note.slice(0, 200) },
        kind: 'post_changes_requested',
        email: true,
      });
      break;
    case 'approved':
      if (from === 'client_review') {
        await notify(tx, others(await agencySide(tx, found), actor), {
          ...base,
          kind: 'post_approved',
          foldKey: cycle.id,
          link: `/cycles/${cycle.id}?tab=posts`,
        });
      }
      break;
    default:
  }
}

/** A comment tells the other side (an internal one: nobody outside the team). */
export async function notifyPostComment(tx: Executor, actor: Actor, found: PostInCycle, internal: boolean) {
  const { post, client, cycle } = found;
  const fromAgency = !actor.contactOf.has(client.id);
  const to = fromAgency
    ? internal
      ? []
      : await contactsOfClient(tx, client.id)
    : await agencySide(tx, found);
  await notify(tx, others(to, actor), {
    kind: 'post_comment',
    agencyId: client.agencyId,
    data: { clientName: client.name, month: cycle.month, by: actor.user.name },
    link: `/posts/${post.id}`,
    foldKey: post.id,
  });
}
