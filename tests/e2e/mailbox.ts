import { linkIn } from '../support/mailSink.ts';

/**
 * The e2e run's mail sink (tests/e2e/mailSink.ts): every Plit server of the run sends its email
 * there by SMTP, and specs read the emailed links from it over HTTP, as the person would, never
 * from the outbox (which shows links redacted). Read at call time, so a test may point it elsewhere.
 */
export function mailSinkPorts() {
  return {
    smtp: Number(process.env.E2E_SMTP_PORT ?? 3225),
    http: Number(process.env.E2E_MAILBOX_PORT ?? 3226),
  };
}

/** For the servers' `SMTP_URL`. */
export const mailSinkSmtpUrl = () => `smtp://127.0.0.1:${mailSinkPorts().smtp}`;

/** What the sink answers on GET: every email received so far, oldest first. */
export const mailboxUrl = () => `http://127.0.0.1:${mailSinkPorts().http}/messages`;

export interface SunkMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Which emails to look at besides the address: those whose subject matches, when given. */
interface Which {
  subject?: RegExp;
}

async function linksTo(to: string, kind: string, { subject }: Which): Promise<string[]> {
  const res = await fetch(mailboxUrl(), { signal: AbortSignal.timeout(2000) });
  if (!res.ok) throw new Error(`the mail sink answered ${res.status}`);
  const mails = (await res.json()) as SunkMail[];
  return mails
    .filter((m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)))
    .flatMap((m) => linkIn(m.text, kind) ?? []);
}

/** How many emails to the address carry a link of this kind so far: the `after` for the next. */
export const emailedLinkCount = async (to: string, kind: string, which: Which = {}) =>
  (await linksTo(to, kind, which)).length;

/**
 * The absolute link of this kind (`invite`, `open`, `magic`, …) in the newest email to the
 * address that carries one (and whose subject matches, if given), once more than `after` such
 * emails arrived. The sink serves the whole run (several servers, every spec, background
 * reminders): unless the address is the spec's own, pass the count taken before the action
 * that sends it, and the email's subject.
 */
export async function emailedLink(
  to: string,
  kind: string,
  { after = 0, timeoutMs = 15_000, ...which }: Which & { after?: number; timeoutMs?: number } = {},
): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const links = await linksTo(to, kind, which);
    if (links.length > after) return links.at(-1)!;
    if (Date.now() > until)
      throw new Error(`no new email to ${to} with a /${kind}/ link reached the mail sink`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
