import { eq } from 'drizzle-orm';
import { email as emailType } from '../../../shared/api/common.ts';
import { issueEmailToken } from '../../auth/emailTokens.ts';
import type { Db } from '../../db/connect.ts';
import { users } from '../../db/schema/index.ts';

/**
 * A one-time password-reset link for the operator of the server to hand over (`plit reset-link`),
 * for a server without SMTP: the link is printed to whoever runs the command, never stored
 * readable. Null when no account has this email.
 */
export async function issueResetLink(db: Db, publicUrl: string, address: string): Promise<string | null> {
  const parsed = emailType.safeParse(address);
  if (!parsed.success) return null;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, parsed.data)).limit(1);
  if (!user) return null;
  const token = await issueEmailToken(db, user.id, 'password_reset');
  return `${publicUrl}/reset-password/${token}`;
}
