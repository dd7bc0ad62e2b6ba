import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { WorkContext } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { clientMembers, factItems, factRequestSendings, users } from '../db/schema/index.ts';
import { mailAgencyOf } from '../mail/mailAgencyOf.ts';
import { factFollowUpEmail, factRequestEmail } from '../mail/templates.ts';
import { personalLink } from '../notifications/links.ts';
import { monthName } from '../planning/monthNames.ts';
import type { RequestInCycle } from './load.ts';

/** The client's contacts: everyone who may answer. */
export const contactsOf = (db: Executor, clientId: string) =>
  db
    .select({ id: users.id, email: users.email, emailNotifications: users.emailNotifications })
    .from(clientMembers)
    .innerJoin(users, eq(users.id, clientMembers.userId))
    .where(eq(clientMembers.clientId, clientId));

/**
 * Where a contact's emails about a request lead: their own scoped link, which opens this request
 * and nothing else (auth/scopedLinks.ts), landing on the item the email is about when there is
 * one. Built by the one rule for emailed links (notifications/links.ts).
 */
export function factLinkFor(
  ctx: WorkContext,
  db: Executor,
  request: { id: string; clientId: string },
  userId: string,
  itemId?: string,
) {
  return personalLink(ctx, db, userId, {
    clientId: request.clientId,
    path: `/facts/${request.id}${itemId ? `#item-${itemId}` : ''}`,
    scoped: { kind: 'facts', subjectId: request.id },
  });
}

/**
 * Tell the client's contacts (all, or the ones named) that the request is theirs: the same email
 * for the first sending and every re-send, each with a fresh scoped link. Kept in the outbox
 * inside the sending transaction (so a sent request always has its emails), delivered after
 * commit; each sending is recorded for the re-send's guard.
 */
export async function keepFactRequestMail(
  tx: Executor,
  ctx: WorkContext,
  actor: Actor,
  found: RequestInCycle,
  only?: readonly string[],
) {
  const { request, cycle, client } = found;
  // What still waits for the client: on a re-send, items already answered or accepted are not
  // counted, nor their (maybe long past) due dates.
  const items = await tx
    .select({ dueOn: factItems.dueOn })
    .from(factItems)
    .where(and(eq(factItems.requestId, request.id), inArray(factItems.status, ['open', 'follow_up'])))
    .orderBy(asc(factItems.dueOn));
  const kept: string[] = [];
  const contacts = (await contactsOf(tx, client.id)).filter((c) => !only || only.includes(c.id));
  for (const contact of contacts) {
    const email = factRequestEmail({
      link: await factLinkFor(ctx, tx, request, contact.id),
      clientName: client.name,
      monthUk: monthName(cycle.month, 'uk'),
      monthEn: monthName(cycle.month, 'en'),
      items: items.length,
      due: items.find((i) => i.dueOn)?.dueOn ?? null,
      agencyName: actor.agency?.name ?? '',
    });
    kept.push(
      await ctx.mailer.keep(tx, {
        ...email,
        to: contact.email,
        agencyId: await mailAgencyOf(tx, contact.id),
      }),
    );
  }
  if (contacts.length > 0) {
    await tx
      .insert(factRequestSendings)
      .values(contacts.map((c) => ({ requestId: request.id, userId: c.id, sentById: actor.user.id })));
  }
  return kept;
}

export async function keepFollowUpMail(
  tx: Executor,
  ctx: WorkContext,
  actor: Actor,
  found: RequestInCycle,
  followUp: { itemId: string; question: string; followUp: string; due: string | null },
) {
  const kept: string[] = [];
  for (const contact of await contactsOf(tx, found.client.id)) {
    // A follow-up is a notification (the bell has it too): it follows the person's email setting.
    // The request itself, sent or re-sent by the agency, always goes out: its link is the way in.
    if (contact.emailNotifications === 'off') continue;
    const email = factFollowUpEmail({
      link: await factLinkFor(ctx, tx, found.request, contact.id, followUp.itemId),
      clientName: found.client.name,
      monthEn: monthName(found.cycle.month, 'en'),
      ...followUp,
      agencyName: actor.agency?.name ?? '',
    });
    kept.push(
      await ctx.mailer.keep(tx, {
        ...email,
        to: contact.email,
        agencyId: await mailAgencyOf(tx, contact.id),
      }),
    );
  }
  return kept;
}

export const deliverAll = async (ctx: WorkContext, ids: string[]) => {
  for (const id of ids) await ctx.mailer.deliver(id);
};
