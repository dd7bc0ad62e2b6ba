import { and, asc, eq, inArray } from 'drizzle-orm';
import { localParts } from '../../shared/time.ts';
import type { WorkContext } from '../context.ts';
import type { Tx } from '../db/connect.ts';
import { notifications, users } from '../db/schema/index.ts';
import { type WaitingLine, waitingEmail } from '../mail/templates.ts';
import { personalLink, targetOfNotification } from './links.ts';

/** The daily digest goes at this local hour (or at the first look after it). */
const DIGEST_HOUR = 8;
/** The kinds that mean "this waits for you" and have a line in the email (mail/templates.ts). */
const mailedKinds = [
  'post_review',
  'post_internal_review',
  'post_changes_requested',
  'meeting_live',
  'review_opened',
] as const satisfies readonly WaitingLine['kind'][];

/**
 * Mail what waits for people: those who want it at once get one email with everything pending
 * (a batch, since the worker looks every minute), those who want a digest get one a day after
 * 08:00 in the zone of the client it is about. Each person is claimed with SKIP LOCKED and the
 * email is kept in the outbox in the same transaction that clears "pending": sent once.
 */
export async function sendPendingEmails(ctx: WorkContext, now = new Date()): Promise<number> {
  const waiting = await ctx.db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.emailPending, true));
  let sent = 0;
  for (const { userId } of waiting) {
    try {
      const outboxId = await ctx.db.transaction((tx) => mailOne(ctx, tx as Tx, userId, now));
      if (outboxId) {
        sent += 1;
        await ctx.mailer.deliver(outboxId);
      }
    } catch (err) {
      ctx.log.warn({ err, userId }, 'mailing notifications failed; trying again later');
    }
  }
  return sent;
}

async function mailOne(ctx: WorkContext, tx: Tx, userId: string, now: Date): Promise<string | null> {
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(users.id, userId))
    .for('update', { skipLocked: true });
  if (!user) return null;
  const pending = await tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.emailPending, true)))
    .orderBy(asc(notifications.createdAt));
  if (pending.length === 0) return null;
  const clear = () =>
    tx
      .update(notifications)
      .set({ emailPending: false })
      .where(
        inArray(
          notifications.id,
          pending.map((p) => p.id),
        ),
      );
  if (user.emailNotifications === 'off') {
    await clear();
    return null;
  }
  const digest = user.emailNotifications === 'daily';
  let today: string | null = null;
  if (digest) {
    const zone = String(pending[0]!.data.timezone ?? 'Europe/Kyiv');
    const local = localParts(now, zone);
    if (Number(local.time.slice(0, 2)) < DIGEST_HOUR || user.digestSentOn === local.date) return null;
    today = local.date;
  }
  const lines: WaitingLine[] = [];
  for (const p of pending) {
    if (!(mailedKinds as readonly string[]).includes(p.kind)) continue;
    lines.push({
      kind: p.kind as WaitingLine['kind'],
      clientName: String(p.data.clientName ?? ''),
      month: String(p.data.month ?? ''),
      count: Number(p.data.count ?? 1),
      by: String(p.data.by ?? ''),
      ...(p.data.note ? { note: String(p.data.note) } : {}),
      // Only approvers are asked to approve; a contributor hears that posts wait for the approver.
      mayApprove: p.data.mayApprove !== 0,
      // Each line opens its own item, with this person's own link (scoped for a contact).
      link: await personalLink(ctx, tx, userId, targetOfNotification(p)),
    });
  }
  await clear();
  if (today) await tx.update(users).set({ digestSentOn: today }).where(eq(users.id, userId));
  if (lines.length === 0) return null;
  return ctx.mailer.keep(tx, {
    ...waitingEmail({ lines, digest }),
    to: user.email,
    agencyId: pending[0]!.agencyId,
  });
}

export function startEmailWorker(ctx: WorkContext, everyMs: number): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sendPendingEmails(ctx);
    } catch (err) {
      ctx.log.warn({ err }, 'notification emails failed; trying again later');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
