import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { localParts } from '../../shared/time.ts';
import type { WorkContext } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import {
  type ApprovalReminderKind,
  agencyMembers,
  approvalReminders,
  clientMembers,
  clients,
  cycles,
  posts,
  users,
} from '../db/schema/index.ts';
import { REMINDER_FROM } from '../facts/reminders.ts';
import { transact } from '../live/transact.ts';
import { mailAgencyOf } from '../mail/mailAgencyOf.ts';
import { type ApprovalReminderReader, approvalReminderEmail } from '../mail/templates.ts';
import { personalLink } from '../notifications/links.ts';
import { agencyManagers, notify } from '../notifications/notify.ts';
import { monthName } from '../planning/monthNames.ts';
import { workingDaysBefore } from '../planning/workingDays.ts';
import { publicHolidaysNear } from './approvalDue.ts';
import { approvalMarks } from './approvalRisk.ts';

/**
 * Which approval reminder a post due on `dueOn` has reached `today` (local dates): `before` from
 * the working day before the due day, `on_day` on it, `overdue` after it. After a pause only the
 * latest goes out, never every missed one at once. Undefined before the first.
 */
export async function approvalReminderDue(
  dueOn: string,
  today: string,
  country: string,
): Promise<ApprovalReminderKind | undefined> {
  if (today > dueOn) return 'overdue';
  if (today === dueOn) return 'on_day';
  const dayBefore = workingDaysBefore(dueOn, 1, await publicHolidaysNear(country, dueOn));
  return today >= dayBefore ? 'before' : undefined;
}

/**
 * Remind the client of the posts waiting for their approval, before and on the due day, and
 * tell both sides when one is overdue. Safe with any number of workers: each month's waiting
 * posts are locked with FOR UPDATE SKIP LOCKED (a post another worker, or an approval, is on
 * is skipped, not waited for), and each reminder's key (post, due date, kind) is inserted
 * before its notifications and emails are written, in the same transaction: once, or on a
 * rollback not at all.
 */
export async function sendApprovalReminders(ctx: WorkContext, now = new Date()): Promise<number> {
  const candidates = await ctx.db
    .selectDistinct({ cycleId: posts.cycleId })
    .from(posts)
    .innerJoin(clients, eq(clients.id, posts.clientId))
    .innerJoin(cycles, eq(cycles.id, posts.cycleId))
    .where(and(eq(posts.status, 'client_review'), isNull(clients.archivedAt), ne(cycles.stage, 'closed')));
  let sent = 0;
  for (const { cycleId } of candidates) {
    // One month that fails does not stop the others' reminders.
    const done = await remindMonth(ctx, cycleId, now).catch((err: unknown) => {
      ctx.log.warn({ err, cycleId }, 'approval reminder failed; trying again next time');
      return { kept: [] as string[], sent: 0 };
    });
    sent += done.sent;
    for (const id of done.kept) await ctx.mailer.deliver(id);
  }
  return sent;
}

/** Everyone of the client with their role and whether they want email. */
const contactsWithRoles = (db: Executor, clientId: string) =>
  db
    .select({ id: users.id, email: users.email, role: clientMembers.role, mail: users.emailNotifications })
    .from(clientMembers)
    .innerJoin(users, eq(users.id, clientMembers.userId))
    .where(eq(clientMembers.clientId, clientId));

/** The agency's owners and content managers, with their addresses. */
async function managersWithEmail(db: Executor, agencyId: string) {
  const ids = await agencyManagers(db, agencyId);
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, mail: users.emailNotifications })
    .from(users)
    .innerJoin(agencyMembers, and(eq(agencyMembers.userId, users.id), eq(agencyMembers.agencyId, agencyId)))
    .where(inArray(users.id, ids));
}

/** The due reminders of one month, folded per kind and due date, claimed and written in one transaction. */
function remindMonth(ctx: WorkContext, cycleId: string, now: Date) {
  let sent = 0;
  return transact(ctx, async (tx) => {
    const waiting = await tx
      .select({ id: posts.id, status: posts.status, revision: posts.revision, clientId: posts.clientId })
      .from(posts)
      .where(and(eq(posts.cycleId, cycleId), eq(posts.status, 'client_review')))
      .for('update', { skipLocked: true });
    if (waiting.length === 0) return [];
    const [cycle] = await tx.select().from(cycles).where(eq(cycles.id, cycleId));
    const [client] = await tx.select().from(clients).where(eq(clients.id, waiting[0]!.clientId));
    if (!cycle || !client) return [];
    const local = localParts(now, client.timezone);
    if (local.time < REMINDER_FROM) return [];
    const marks = await approvalMarks(tx, client, waiting, now);
    // One reminder per kind and due date for the month: "3 posts due by 12 Dec", not three.
    const groups = new Map<string, { kind: ApprovalReminderKind; dueOn: string; count: number }>();
    for (const post of waiting) {
      const mark = marks.get(post.id);
      if (!mark) continue;
      const kind = await approvalReminderDue(mark.approvalDue, local.date, client.country);
      if (!kind) continue;
      const [claimed] = await tx
        .insert(approvalReminders)
        .values({ postId: post.id, dueOn: mark.approvalDue, kind })
        .onConflictDoNothing()
        .returning({ id: approvalReminders.id });
      if (!claimed) continue;
      const key = `${kind}:${mark.approvalDue}`;
      const group = groups.get(key) ?? { kind, dueOn: mark.approvalDue, count: 0 };
      group.count += 1;
      groups.set(key, group);
    }
    if (groups.size === 0) return [];
    const contacts = await contactsWithRoles(tx, client.id);
    const managers = await managersWithEmail(tx, client.agencyId);
    const link = `/cycles/${cycle.id}?tab=posts`;
    const kept: string[] = [];
    for (const { kind, dueOn, count } of groups.values()) {
      const overdue = kind === 'overdue';
      const base = { clientName: client.name, month: cycle.month, timezone: client.timezone, dueOn, count };
      const readers: Array<{ id: string; email: string; mail: string; reader: ApprovalReminderReader }> = [
        ...contacts.map((c) => ({ ...c, reader: c.role as ApprovalReminderReader })),
        // The agency hears of it only once it is late: before that it is the client's to do.
        ...(overdue ? managers.map((m) => ({ ...m, reader: 'agency' as const })) : []),
      ];
      for (const reader of ['approver', 'contributor', 'agency'] as const) {
        const ids = readers.filter((r) => r.reader === reader).map((r) => r.id);
        await notify(tx, ids, {
          kind: overdue ? 'post_approval_overdue' : 'post_approval_due',
          agencyId: client.agencyId,
          data: { ...base, stage: kind, reader },
          link,
        });
      }
      for (const r of readers) {
        if (r.mail === 'off') continue;
        const email = approvalReminderEmail({
          // A contact's own scoped `review` link for the month; the agency's people, the plain page.
          link: await personalLink(ctx, tx, r.id, {
            clientId: cycle.clientId,
            path: `/cycles/${cycle.id}?tab=posts`,
            scoped: { kind: 'review', subjectId: cycle.id },
          }),
          clientName: client.name,
          month: cycle.month,
          monthUk: monthName(cycle.month, 'uk'),
          monthEn: monthName(cycle.month, 'en'),
          dueOn,
          count,
          stage: kind,
          reader: r.reader,
        });
        kept.push(
          await ctx.mailer.keep(tx, { ...email, to: r.email, agencyId: await mailAgencyOf(tx, r.id) }),
        );
      }
      sent += 1;
    }
    return kept;
  }).then((kept) => ({ kept, sent }));
}
