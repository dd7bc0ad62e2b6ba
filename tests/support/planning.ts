import type { Db } from '../../src/server/db/connect.ts';
import { cycles } from '../../src/server/db/schema/index.ts';
import type { TestAgency } from './factories.ts';

/** A cycle for the agency's first client, in preparation, not shared unless asked. */
export async function makeCycle(db: Db, agency: TestAgency, month = '2026-12', shared = false) {
  const [row] = await db
    .insert(cycles)
    .values({ clientId: agency.client.id, month, sharedAt: shared ? new Date() : null })
    .returning();
  return row!;
}
