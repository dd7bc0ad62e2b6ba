import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connect.ts';
import { rubrics } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';

export type RubricRow = typeof rubrics.$inferSelect;

/** Refuse a rubric name the client already uses (in any letter case), but for the rubric itself. */
export async function assertNameFree(
  tx: Executor,
  clientId: string,
  name: string | undefined,
  exceptId?: string,
): Promise<void> {
  if (name === undefined) return;
  const [clash] = await tx
    .select({ id: rubrics.id })
    .from(rubrics)
    .where(
      and(
        eq(rubrics.clientId, clientId),
        eq(sql`lower(${rubrics.name})`, name.toLowerCase()),
        exceptId ? ne(rubrics.id, exceptId) : undefined,
      ),
    );
  if (clash) {
    const message = 'This client already has a rubric with this name.';
    throw new AppError('conflict', { message, fields: { name: message } });
  }
}
