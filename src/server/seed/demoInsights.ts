import { eq } from 'drizzle-orm';
import { previousMonth } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import { clients, insightHistory } from '../db/schema/index.ts';
import { todayIn } from '../planning/cycleRules.ts';

/**
 * Before Plit, the agency kept a spreadsheet: four months of posts and revisions, imported, so
 * the insights show life before and after co-creation (which started last month).
 */
export async function seedDemoInsights(tx: Executor, client: { id: string; timezone: string }) {
  const current = todayIn(client.timezone).slice(0, 7);
  const since = previousMonth(current);
  await tx.update(clients).set({ coCreationSince: since }).where(eq(clients.id, client.id));
  // Oldest first: many revisions, few posts right the first time, a lot of last-minute work.
  const spreadsheet = [
    {
      postsPlanned: 12,
      postsPublished: 11,
      postsApproved: 11,
      approvedFirstRound: 2,
      revisionRounds: 16,
      situational: 5,
      replacements: 3,
      rewrites: 4,
    },
    {
      postsPlanned: 12,
      postsPublished: 12,
      postsApproved: 12,
      approvedFirstRound: 3,
      revisionRounds: 15,
      situational: 4,
      replacements: 2,
      rewrites: 3,
    },
    {
      postsPlanned: 13,
      postsPublished: 12,
      postsApproved: 12,
      approvedFirstRound: 3,
      revisionRounds: 14,
      situational: 6,
      replacements: 3,
      rewrites: 2,
    },
    {
      postsPlanned: 12,
      postsPublished: 12,
      postsApproved: 12,
      approvedFirstRound: 4,
      revisionRounds: 12,
      situational: 4,
      replacements: 2,
      rewrites: 3,
    },
  ];
  let month = since;
  const months: string[] = [];
  for (let i = 0; i < spreadsheet.length; i++) {
    month = previousMonth(month);
    months.unshift(month);
  }
  await tx
    .insert(insightHistory)
    .values(spreadsheet.map((row, i) => ({ clientId: client.id, month: months[i]!, ...row })));
}
