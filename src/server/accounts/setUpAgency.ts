import type { z } from 'zod';
import type { setupBody } from '../../shared/api/me.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Executor } from '../db/connect.ts';
import { agencies, agencyMembers, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../events/recordEvent.ts';

/** Create an agency with its first owner (first run, and the demo seed). */
export async function setUpAgency(tx: Executor, input: z.infer<typeof setupBody>) {
  const [agency] = await tx.insert(agencies).values({ name: input.agencyName }).returning();
  const [user] = await tx
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      locale: input.locale ?? null,
      // The first owner typed their own address at the server's first run; nobody sent them a link.
      emailVerifiedAt: new Date(),
    })
    .onConflictDoNothing()
    .returning();
  if (!agency) throw new Error('agency insert returned nothing');
  if (!user)
    throw new AppError('email_taken', { fields: { email: 'An account with this email already exists.' } });
  await tx.insert(agencyMembers).values({ agencyId: agency.id, userId: user.id, role: 'owner' });
  await recordEvent(tx, null, {
    agencyId: agency.id,
    type: 'agency.created',
    subjectType: 'agency',
    subjectId: agency.id,
    data: { name: agency.name, owner: user.email },
  });
  return { agencyId: agency.id, userId: user.id };
}
