import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Db, Executor } from '../db/connect.ts';
import { type MailAttachment, outbox } from '../db/schema/index.ts';
import { redactLinks } from './redact.ts';
import type { Email } from './templates.ts';

type Addressed = Email & { to: string; agencyId: string | null };

/** How many times an email is tried before it is marked failed, and the wait before each retry. */
export const MAX_ATTEMPTS = 5;
const retryDelayMs = (attempts: number) => 60_000 * 2 ** (attempts - 1);
/** A claimed email not finished in this time (the worker died mid-send) is tried again. */
const LEASE_MS = 2 * 60_000;

export interface Mailer {
  /** Whether this server has SMTP: without it emails are recorded as not sent, nothing more. */
  readonly configured: boolean;
  /** Queue the email and try to send it at once. Never throws. */
  send(email: Addressed): Promise<void>;
  /**
   * Queue the email inside the caller's transaction: it exists exactly when the change that
   * caused it does. Try it with `deliver` after the commit; the worker sends it otherwise.
   */
  keep(db: Executor, email: Addressed): Promise<string>;
  /** Fast path after a commit: send this queued email now, unless a worker holds it. Never throws. */
  deliver(outboxId: string): Promise<void>;
  /** The worker's step: claim the queued emails whose time has come and send them. */
  deliverDue(limit?: number): Promise<number>;
}

/**
 * How the kept attachments go out. An invitation's calendar (`text/calendar` whose iCalendar
 * names a METHOD) goes as nodemailer's `icalEvent`: a `text/calendar; method=…` part of the
 * multipart/alternative, which is what makes mail programs offer accept/decline, and the same
 * file attached under its own name. The method is read from the iCalendar itself, so the MIME
 * part and the file can never disagree. Anything else stays a plain attachment.
 */
function asSent(attachments: MailAttachment[]): Pick<SendMailOptions, 'attachments' | 'icalEvent'> {
  const methodOf = (a: MailAttachment) =>
    /^text\/calendar\b/i.test(a.contentType) ? /^METHOD:([A-Z-]+)\r?$/m.exec(a.content)?.[1] : undefined;
  const invitation = attachments.find(methodOf);
  const rest = attachments.filter((a) => a !== invitation);
  return {
    ...(rest.length ? { attachments: rest } : {}),
    ...(invitation
      ? {
          icalEvent: {
            filename: invitation.filename,
            method: methodOf(invitation)!,
            content: invitation.content,
          },
        }
      : {}),
  };
}

/**
 * Every email is a row of the outbox, written first (so nothing is lost if SMTP is down or the
 * process dies before sending). What owners read there is redacted: the real text lives in
 * deliver_* only while it waits for SMTP.
 */
export function createMailer(
  db: Db,
  options: { smtpUrl?: string | undefined; from: string; log: FastifyBaseLogger },
): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;

  const keep = async (executor: Executor, email: Addressed) => {
    const [row] = await executor
      .insert(outbox)
      .values({
        agencyId: email.agencyId,
        toEmail: email.to,
        subject: email.subject,
        text: redactLinks(email.text),
        html: redactLinks(email.html),
        attachments: email.attachments ?? [],
        // Without SMTP nobody may ever read the live links: they are not written at all.
        status: transport ? 'queued' : 'not_configured',
        deliverText: transport ? email.text : null,
        deliverHtml: transport ? email.html : null,
      })
      .returning({ id: outbox.id });
    return row!.id;
  };

  /**
   * Claim queued emails by moving their time on by a lease, in one statement over rows locked
   * with SKIP LOCKED: two workers (or a worker and a fast path) never claim the same email, and
   * no transaction stays open while SMTP talks.
   */
  const claim = (where: ReturnType<typeof and>, limit: number) => {
    const now = new Date();
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, now), where))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return db
      .update(outbox)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(outbox.id, due))
      .returning();
  };

  const sendOne = async (email: typeof outbox.$inferSelect) => {
    if (!transport) return;
    try {
      await transport.sendMail({
        from: options.from,
        to: email.toEmail,
        subject: email.subject,
        text: email.deliverText ?? email.text,
        html: email.deliverHtml ?? email.html,
        ...asSent(email.attachments),
      });
      await db
        .update(outbox)
        .set({
          status: 'sent',
          error: null,
          attempts: email.attempts + 1,
          deliverText: null,
          deliverHtml: null,
        })
        .where(eq(outbox.id, email.id));
    } catch (err) {
      const attempts = email.attempts + 1;
      const gaveUp = attempts >= MAX_ATTEMPTS;
      options.log.warn({ err, to: email.toEmail, attempts }, 'email could not be sent; trying again later');
      await db
        .update(outbox)
        .set({
          attempts,
          error: String((err as Error).message ?? err).slice(0, 500),
          ...(gaveUp
            ? { status: 'failed' as const, deliverText: null, deliverHtml: null }
            : { nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)) }),
        })
        .where(eq(outbox.id, email.id));
    }
  };

  const deliver = async (id: string) => {
    if (!transport) return;
    try {
      for (const email of await claim(eq(outbox.id, id), 1)) await sendOne(email);
    } catch (err) {
      // The row stays queued: the worker sends it on its next round.
      options.log.warn({ err, outboxId: id }, 'email not sent at once; the mail worker will');
    }
  };

  const deliverDue = async (limit = 20) => {
    if (!transport) {
      // Rows queued while SMTP was configured (or before 0013) and never sent: nobody will send
      // them now, so their live text goes.
      const dropped = await db
        .update(outbox)
        .set({ status: 'not_configured', deliverText: null, deliverHtml: null })
        .where(eq(outbox.status, 'queued'))
        .returning({ id: outbox.id });
      return dropped.length;
    }
    const claimed = await claim(undefined, limit);
    for (const email of claimed) await sendOne(email);
    return claimed.length;
  };

  return {
    configured: transport !== null,
    keep,
    deliver,
    deliverDue,
    async send(email) {
      try {
        await deliver(await keep(db, email));
      } catch (err) {
        options.log.warn({ err, to: email.to }, 'email could not be queued');
      }
    },
  };
}
