import type { LinkKind } from '../../../shared/api/links.ts';
import type { Actor } from '../../auth/actor.ts';
import { issueLink, linkUrl } from '../../auth/scopedLinks.ts';
import { findContact } from '../../clients/queries.ts';
import type { Context } from '../../context.ts';
import type { Executor } from '../../db/connect.ts';
import { notFound } from '../../errors.ts';
import { recordEvent } from '../../events/recordEvent.ts';
import { loadFactRequest } from '../../facts/load.ts';
import { transact } from '../../live/transact.ts';
import { loadMeeting } from '../../meetings/load.ts';
import { loadCycle } from '../../planning/load.ts';
import { canCopyContactLink } from '../../policies/links.ts';
import { loadClientForChange } from '../../tenancy.ts';

/** The client a subject belongs to, loaded through the actor's reach (404 otherwise). */
async function clientOfSubject(tx: Executor, actor: Actor, kind: LinkKind, subjectId: string) {
  if (kind === 'facts') return (await loadFactRequest(tx, actor, subjectId)).client.id;
  if (kind === 'meeting') return (await loadMeeting(tx, actor, subjectId)).client.id;
  return (await loadCycle(tx, actor, subjectId)).client.id;
}

/**
 * "Copy the client's link": a contact's scoped link to one subject, for the agency to pass on
 * when email is not set up or went astray. Recorded in the activity (who, for whom, what), the
 * link itself nowhere: only its hash is stored.
 */
export async function copyContactLink(
  ctx: Pick<Context, 'db' | 'live' | 'log' | 'env'>,
  actor: Actor,
  clientId: string,
  userId: string,
  subject: { kind: LinkKind; subjectId: string },
): Promise<string> {
  const token = await transact(ctx, async (tx) => {
    const client = await loadClientForChange(tx, actor, clientId, canCopyContactLink);
    if ((await clientOfSubject(tx, actor, subject.kind, subject.subjectId)) !== client.id) throw notFound();
    const contact = await findContact(tx, client.id, userId);
    const issued = await issueLink(tx, {
      userId: contact.userId,
      clientId: client.id,
      ...subject,
      createdById: actor.user.id,
    });
    await recordEvent(tx, actor.user, {
      agencyId: client.agencyId,
      clientId: client.id,
      type: 'contact.link_copied',
      subjectType: 'user',
      subjectId: contact.userId,
      data: { name: contact.name, ...subject },
    });
    return issued;
  });
  return linkUrl(ctx.env.publicUrl, token);
}
