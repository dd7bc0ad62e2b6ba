import { and, eq } from 'drizzle-orm';
import { previousMonth, zonedInstant } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import {
  clients,
  cycleStageChanges,
  cycles,
  factItems,
  factRequests,
  insightHistory,
  meetings,
} from '../db/schema/index.ts';
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

/**
 * Last month, the first planned together, as it went: its stages finished the day before their
 * deadlines (one a day late), the meeting held, the fact request complete in four days with one
 * answer late.
 */
export async function seedDemoLastMonth(tx: Executor, client: { id: string; timezone: string }) {
  const month = previousMonth(todayIn(client.timezone).slice(0, 7));
  const [cycle] = await tx
    .select()
    .from(cycles)
    .where(and(eq(cycles.clientId, client.id), eq(cycles.month, month)));
  if (!cycle) return;
  const at = (date: string | undefined, days: number, time = '15:00') =>
    date ? new Date(zonedInstant(date, time, client.timezone).getTime() + days * 86_400_000) : null;
  const changes = await tx.select().from(cycleStageChanges).where(eq(cycleStageChanges.cycleId, cycle.id));
  for (const change of changes) {
    if (!change.fromStage) continue;
    // The meeting ran over by a day; every other stage was done the day before its deadline.
    const when = at(cycle.deadlines[change.fromStage], change.fromStage === 'meeting' ? 1 : -1);
    if (when) await tx.update(cycleStageChanges).set({ at: when }).where(eq(cycleStageChanges.id, change.id));
  }
  const meetingDay = cycle.deadlines.meeting;
  if (meetingDay) {
    await tx.insert(meetings).values({
      cycleId: cycle.id,
      clientId: client.id,
      format: 'online',
      status: 'ended',
      startsAt: at(meetingDay, 0, '11:00')!,
      startedAt: at(meetingDay, 0, '11:00')!,
      endedAt: at(meetingDay, 0, '12:30')!,
    });
  }
  const sentAt = at(cycle.deadlines.meeting, 1, '17:00');
  if (!sentAt) return;
  const day = 86_400_000;
  const [request] = await tx
    .insert(factRequests)
    .values({
      cycleId: cycle.id,
      clientId: client.id,
      status: 'complete',
      sentAt,
      firstAnswerAt: new Date(sentAt.getTime() + day),
      completedAt: new Date(sentAt.getTime() + 4 * day),
    })
    .returning();
  const due = new Date(sentAt.getTime() + 3 * day).toISOString().slice(0, 10);
  await tx.insert(factItems).values(
    [1, 1, 2, 2, 3, 4].map((days, i) => ({
      requestId: request!.id,
      question: [
        'Ціна нового лоту',
        'Фото команди',
        'Дата каппінгу',
        'Хто веде каппінг',
        'Графік свят',
        'Відгук партнера',
      ][i]!,
      source: 'manual' as const,
      position: i + 1,
      status: 'accepted' as const,
      dueOn: due,
      answer: { kind: 'text' as const, text: '—' },
      firstAnsweredAt: new Date(sentAt.getTime() + days * day),
      answeredAt: new Date(sentAt.getTime() + days * day),
      acceptedAt: new Date(sentAt.getTime() + (days + 0.2) * day),
    })),
  );
}
