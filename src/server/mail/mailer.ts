import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Db } from '../db/connect.ts';
import { outbox } from '../db/schema/index.ts';
import type { Email } from './templates.ts';

/** One-time link secrets (43 base64url characters) replaced by dots. */
export const redactLinks = (s: string) =>
  s.replace(/\/(invite|reset-password|magic)\/[A-Za-z0-9_-]{43}/g, '/$1/••••••');

export interface Mailer {
  /** Keep the email in the outbox and, when SMTP is configured, send it. Never throws. */
  send(email: Email & { to: string; agencyId: string | null }): Promise<void>;
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
  return {
    async send(email) {
      const [row] = await db
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
      if (!transport || !row) return;
      try {
        await transport.sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments: email.attachments,
        });
        // Delivered: the copy owners can read must not hold a live sign-in or invitation link.
        await db
          .update(outbox)
          .set({ status: 'sent', text: redactLinks(email.text), html: redactLinks(email.html) })
          .where(eq(outbox.id, row.id));
      } catch (err) {
        options.log.warn({ err, to: email.to }, 'email could not be sent; it stays in the outbox');
        await db
          .update(outbox)
          .set({ status: 'failed', error: String((err as Error).message ?? err).slice(0, 500) })
          .where(eq(outbox.id, row.id));
      }
    },
  };
}
