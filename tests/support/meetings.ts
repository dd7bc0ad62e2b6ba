import { expect } from 'vitest';
import type { Db } from '../../src/server/db/connect.ts';
import { slots, topicPasses, topics } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { TestApp } from './app.ts';
import type { TestAgency } from './factories.ts';
import { api } from './http.ts';
import { makeCycle } from './planning.ts';

/**
 * A shared December plan ready for its meeting: three slots (7, 14 and 21 December, 10:00 Kyiv)
 * and three proposed topics, the first two placed.
 */
export async function makePlanForMeeting(db: Db, agency: TestAgency) {
  const cycle = await makeCycle(db, agency, '2026-12', true);
  const slotRows = await db
    .insert(slots)
    .values(
      ['2026-12-07', '2026-12-14', '2026-12-21'].map((d) => ({
        cycleId: cycle.id,
        startsAt: new Date(`${d}T08:00:00Z`),
        channelId: agency.client.channel.id,
        format: 'post' as const,
      })),
    )
    .returning();
  const topicRows = await db
    .insert(topics)
    .values(
      ['Новий купаж', 'Бариста тижня', 'Зимове меню'].map((title, i) => ({
        clientId: agency.client.id,
        cycleId: cycle.id,
        title,
        source: 'agency' as const,
        position: i + 1,
      })),
    )
    .returning();
  await db.insert(topicPasses).values(topicRows.map((t) => ({ topicId: t.id, cycleId: cycle.id })));
  const { eq } = await import('drizzle-orm');
  await db.update(slots).set({ topicId: topicRows[0]!.id }).where(eq(slots.id, slotRows[0]!.id));
  await db.update(slots).set({ topicId: topicRows[1]!.id }).where(eq(slots.id, slotRows[1]!.id));
  return { cycle, slots: slotRows, topics: topicRows };
}

/** The plan's online meeting, scheduled with the content manager and the approver, and started. */
export async function liveMeeting(t: TestApp, agency: TestAgency) {
  const plan = await makePlanForMeeting(t.database.db, agency);
  const created = await api(t.app, endpoints.scheduleMeeting, {
    params: { cycleId: plan.cycle.id },
    cookie: agency.contentManager.cookie,
    body: {
      format: 'online',
      date: '2026-11-27',
      participantIds: [agency.contentManager.id, agency.approver.id],
    },
  });
  const started = await api(t.app, endpoints.startMeeting, {
    params: { meetingId: created.body.meeting.id },
    cookie: agency.contentManager.cookie,
    body: { version: created.body.meeting.version },
  });
  expect(started.status).toBe(200);
  return { plan, meeting: started.body.meeting };
}
