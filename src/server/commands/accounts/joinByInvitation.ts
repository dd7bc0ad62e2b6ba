import type { z } from 'zod';
import type { acceptInvitationBody } from '../../../shared/api/members.ts';
import type { Context } from '../../context.ts';
import { transact } from '../../live/transact.ts';
import { acceptInvitation } from './acceptInvitation.ts';

/**
 * Accept an invitation link in one transaction: the new account, or the signed-in one, joins
 * the agency or the client. Answers who joined, to sign them in.
 */
export function joinByInvitation(
  ctx: Pick<Context, 'db' | 'live' | 'log'>,
  input: z.output<typeof acceptInvitationBody>,
  signedInUserId: string | null,
): Promise<string> {
  return transact(ctx, (tx) => acceptInvitation(tx, input, signedInUserId));
}
