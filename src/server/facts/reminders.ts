import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { localParts } from '../../shared/time.ts';
import type { WorkContext } from '../context.ts';
import { clients, cycles, factItems, factReminders, factRequests } from '../db/schema/index.ts';
import { transact } from '../live/transact.ts';
import { mailAgencyOf } from '../mail/mailAgencyOf.ts';
import { factReminderEmail } from '../mail/templates.ts';
import { agencyManagers, notify } from '../notifications/notify.ts';
import { monthName } from '../planning/monthNames.ts';
import { recordFactEvent } from './event.ts';
import { contactsOf, deliverAll, factLinkFor } from './mail.ts';

/** Reminders go out from this hour of the client's day, not at night. */
export const REMINDER_FROM = '09:00';
/** Nobody is reminded of a request in the first hours after it arrived. */
const QUIET_AFTER_SENDING_MS = 12 * 60 * 60_000;

const dayNumber = (localDate: string) => Date.parse(`${localDate}T00:00:00Z`) / 86_400_000;

/**
 * Which reminder is due now for items due on `dueOn`: the latest scheduled one whose day has
 * come (negative offsets are days before, positive days after). After a pause only the latest
 * one goes out, not every missed one at once. Undefined when none has come yet.
 */
export function reminderOffsetDue(
  schedule: { before: number[]; after: number[] },
  dueOn: string,
  today: string,
): number | undefined {
  const late = dayNumber(today) - dayNumber(dueOn);
  const offsets = [...schedule.before.map((d) => (d === 0 ? 0 : -d)), ...schedule.after].filter(
    (o) => o <= late,
  );
  return offsets.length ? Math.max(...offsets) : undefined;
}

/**
 * Send the reminders that are due, on the client's schedule. Safe with any number of workers:
 * a request is claimed with FOR UPDATE SKIP LOCKED (another worker busy with it skips it, not
 * waits), and each reminder's unique key (request, due date, offset) is inserted before its
 * emails are written, in the same transaction: it goes out once or, on a rollback, not at all.
 */
export async function sendDueReminders(ctx: WorkContext, now = new Date()): Promise<number> {
  const candidates = await ctx.db
    .select({ id: factRequests.id })
    .from(factRequests)
    .innerJoin(clients, eq(clients.id, factRequests.clientId))
    .innerJoin(cycles, eq(cycles.id, factRequests.cycleId))
    .where(and(eq(factRequests.status, 'sent'), isNull(clients.archivedAt), ne(cycles.stage, 'closed')));
  let sent = 0;
  for (const { id } of candidates) {
    // One request that fails (bad data, a lost connection) does not stop the others' reminders.
    const mails = await remindOne(ctx, id, now).catch((err: unknown) => {
      ctx.log.warn({ err, requestId: id }, 'fact reminder failed; trying again next time');
      return { kept: [] as string[], sent: 0 };
    });
    sent += mails.sent;
    await deliverAll(ctx, mails.kept);
  }
  return sent;
}

/** The due reminders of one request, claimed and written in one transaction. */
function remindOne(ctx: WorkContext, id: string, now: Date) {
  let sent = 0;
  return transact(ctx, async (tx) => {
    const [request] = await tx
      .select()
      .from(factRequests)
      .where(and(eq(factRequests.id, id), eq(factRequests.status, 'sent')))
      .for('update', { skipLocked: true });
    if (!request?.sentAt || now.getTime() - request.sentAt.getTime() < QUIET_AFTER_SENDING_MS) return [];
    const [client] = await tx.select().from(clients).where(eq(clients.id, request.clientId));
    const [cycle] = await tx.select().from(cycles).where(eq(cycles.id, request.cycleId));
    if (!client || !cycle) return [];
    const local = localParts(now, client.timezone);
    if (local.time < REMINDER_FROM) return [];
    const outstanding = await tx
      .select({ dueOn: factItems.dueOn })
      .from(factItems)
      .where(and(eq(factItems.requestId, id), inArray(factItems.status, ['open', 'follow_up'])));
    const byDue = new Map<string, number>();
    for (const { dueOn } of outstanding) if (dueOn) byDue.set(dueOn, (byDue.get(dueOn) ?? 0) + 1);
    const kept: string[] = [];
    for (const [dueOn, items] of [...byDue].sort()) {
      const offsetDays = reminderOffsetDue(client.factReminders, dueOn, local.date);
      if (offsetDays === undefined) continue;
      const [claimed] = await tx
        .insert(factReminders)
        .values({ requestId: id, dueOn, offsetDays, items })
        .onConflictDoNothing()
        .returning({ id: factReminders.id });
      if (!claimed) continue;
      const found = { request, client, cycle };
      const contacts = await contactsOf(tx, client.id);
      for (const contact of contacts) {
        // The bell always has the reminder; the inbox only for who did not turn email off.
        if (contact.emailNotifications === 'off') continue;
        const email = factReminderEmail({
          link: await factLinkFor(ctx, tx, request, contact.id),
          clientName: client.name,
          monthUk: monthName(cycle.month, 'uk'),
          monthEn: monthName(cycle.month, 'en'),
          items,
          dueOn,
          offsetDays,
        });
        kept.push(
          await ctx.mailer.keep(tx, {
            ...email,
            to: contact.email,
            agencyId: await mailAgencyOf(tx, contact.id),
          }),
        );
      }
      const data = { clientName: client.name, month: cycle.month, items, dueOn, offsetDays };
      const link = `/facts/${id}`;
      await notify(
        tx,
        contacts.map((c) => c.id),
        { kind: 'fact_reminder', agencyId: client.agencyId, data, link },
      );
      if (offsetDays > 0) {
        await notify(tx, await agencyManagers(tx, client.agencyId), {
          kind: 'fact_overdue',
          agencyId: client.agencyId,
          data,
          link,
        });
      }
      await recordFactEvent(tx, null, found, 'fact_request.reminded', { dueOn, offsetDays, items });
      sent += 1;
    }
    return kept;
  }).then((kept) => ({ kept, sent }));
}

/** Another kind of reminder that runs in the same loop (posts' approval reminders). */
interface ReminderJob {
  name: string;
  send: (ctx: WorkContext) => Promise<number>;
}

/**
 * Look for due reminders every so often in this process; several processes may do the same.
 * Each job's failure is its own: approval reminders still go out when fact reminders fail.
 */
export function startReminderWorker(ctx: WorkContext, everyMs: number, more: ReminderJob[] = []): () => void {
  let running = false;
  const jobs: ReminderJob[] = [{ name: 'fact request reminders', send: sendDueReminders }, ...more];
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) {
        try {
          const sent = await job.send(ctx);
          if (sent > 0) ctx.log.info({ sent }, `${job.name} sent`);
        } catch (err) {
          ctx.log.warn({ err }, `${job.name} failed; trying again later`);
        }
      }
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 5_000);
  const timer = setInterval(() => void tick(), everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
