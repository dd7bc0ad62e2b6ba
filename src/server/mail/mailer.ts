import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Db, Executor } from '../db/connect.ts';
import { outbox } from '../db/schema/index.ts';
import type { Email } from './templates.ts';

/** One-time link secrets (43 base64url characters) replaced by dots. */
export const redactLinks = (s: string) =>
  s.replace(/\/(invite|reset-password|magic|facts\/open)\/[A-Za-z0-9_-]{43}/g, '/$1/••••••');

type Addressed = Email & { to: string; agencyId: string | null };

export interface Mailer {
  /** Keep the email in the outbox and, when SMTP is configured, send it. Never throws. */
  send(email: Addressed): Promise<void>;
  /**
   * Keep the email in the outbox inside the caller's transaction: it exists exactly when the
   * change that caused it does. Deliver it with `deliver` after the commit.
   */
  keep(db: Executor, email: Addressed): Promise<string>;
  /** Send a kept email by SMTP, when configured. Never throws. */
  deliver(outboxId: string): Promise<void>;
}

/**
 * Every email is written to the outbox table first, so nothing is lost if SMTP is down,
 * and so a single-machine install (no SMTP_URL) can still read invitation links in the app.
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
        text: email.text,
        html: email.html,
        attachments: email.attachments ?? [],
        status: 'kept',
      })
      .returning({ id: outbox.id });
    return row!.id;
  };
  const deliver = async (id: string) => {
    if (!transport) return;
    const [email] = await db.select().from(outbox).where(eq(outbox.id, id));
    if (email?.status !== 'kept') return;
    try {
      await transport.sendMail({
        from: options.from,
        to: email.toEmail,
        subject: email.subject,
        text: email.text,
        html: email.html,
        attachments: email.attachments as Email['attachments'],
      });
      // Delivered: the copy owners can read must not hold a live sign-in or invitation link.
      await db
        .update(outbox)
        .set({ status: 'sent', text: redactLinks(email.text), html: redactLinks(email.html) })
        .where(eq(outbox.id, id));
    } catch (err) {
      options.log.warn({ err, to: email.toEmail }, 'email could not be sent; it stays in the outbox');
      await db
        .update(outbox)
        .set({ status: 'failed', error: String((err as Error).message ?? err).slice(0, 500) })
        .where(eq(outbox.id, id));
    }
  };
  return {
    keep,
    deliver,
    async send(email) {
      await deliver(await keep(db, email));
    },
  };
}
