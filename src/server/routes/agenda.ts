import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ok } from '../../shared/api/common.ts';
import {
  agendaItem,
  createAgendaItemBody,
  meetingParams,
  updateAgendaItemBody,
} from '../../shared/api/meetings.ts';
import type { Actor } from '../auth/actor.ts';
import type { RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { agendaItems, meetings } from '../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../errors.ts';
import { transact } from '../live/transact.ts';
import { recordMeetingEvent } from '../meetings/event.ts';
import { loadMeetingForChange } from '../meetings/load.ts';
import { requireActor } from '../plugins/auth.ts';
import { canRunMeeting } from '../policies/meeting.ts';

const tags = ['meetings'];
const itemParams = z.object({ itemId: z.uuid() });
const present = (a: typeof agendaItems.$inferSelect): z.infer<typeof agendaItem> => ({
  id: a.id,
  kind: a.kind,
  title: a.title,
  minutes: a.minutes,
  position: a.position,
  version: a.version,
});

/** The agenda belongs to the agency: it edits it before and during the meeting, not after. */
async function agendaOf(tx: Executor, actor: Actor, meetingId: string) {
  const found = await loadMeetingForChange(tx, actor, meetingId, (a, client, cycle) =>
    canRunMeeting(a, client, cycle),
  );
  if (found.meeting.status === 'ended')
    throw new AppError('conflict', { message: 'This meeting has ended.' });
  return found;
}

async function itemForChange(tx: Executor, actor: Actor, itemId: string, version?: number) {
  const [ref] = await tx
    .select({ meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .where(eq(agendaItems.id, itemId));
  if (!ref) throw notFound();
  const found = await agendaOf(tx, actor, ref.meetingId);
  const [item] = await tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).for('update');
  if (!item) throw notFound();
  if (version !== undefined && item.version !== version) throw staleVersion();
  return { found, item };
}

export const agendaRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/meetings/:meetingId/agenda',
    {
      schema: {
        tags,
        summary: 'Add an agenda item (after a given one, or at the end)',
        params: meetingParams,
        body: createAgendaItemBody,
        response: { 201: z.object({ item: agendaItem }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const found = await agendaOf(tx, actor, request.params.meetingId);
        const items = await tx
          .select()
          .from(agendaItems)
          .where(eq(agendaItems.meetingId, found.meeting.id))
          .orderBy(asc(agendaItems.position));
        const at = request.body.after
          ? items.findIndex((i) => i.id === request.body.after)
          : items.length - 1;
        if (request.body.after && at < 0)
          throw new AppError('validation_failed', { fields: { after: 'Not an item of this agenda' } });
        const before = items[at]?.position ?? 0;
        const next = items[at + 1]?.position;
        const position = next === undefined ? before + 1 : (before + next) / 2;
        const [row] = await tx
          .insert(agendaItems)
          .values({
            meetingId: found.meeting.id,
            kind: request.body.kind,
            title: request.body.title,
            minutes: request.body.minutes,
            position,
          })
          .returning();
        await recordMeetingEvent(tx, actor, found, 'agenda.changed', { itemId: row!.id });
        return row!;
      });
      return reply.status(201).send({ item: present(row) });
    },
  );

  app.patch(
    '/api/agenda-items/:itemId',
    {
      schema: {
        tags,
        summary: 'Rename, re-time or move an agenda item',
        params: itemParams,
        body: updateAgendaItemBody,
        response: { 200: z.object({ item: agendaItem }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await transact(ctx, async (tx) => {
        const { found, item } = await itemForChange(tx, actor, request.params.itemId, request.body.version);
        const { version, ...changes } = request.body;
        const [row] = await tx
          .update(agendaItems)
          .set({ ...changes, version: version + 1 })
          .where(eq(agendaItems.id, item.id))
          .returning();
        await recordMeetingEvent(tx, actor, found, 'agenda.changed', { itemId: item.id });
        return row!;
      });
      return { item: present(row) };
    },
  );

  app.delete(
    '/api/agenda-items/:itemId',
    { schema: { tags, summary: 'Remove an agenda item', params: itemParams, response: { 200: ok } } },
    async (request) => {
      const actor = requireActor(request);
      await transact(ctx, async (tx) => {
        const { found, item } = await itemForChange(tx, actor, request.params.itemId);
        await tx.delete(agendaItems).where(and(eq(agendaItems.id, item.id)));
        // A timer or focus on the removed item goes with it.
        if (found.meeting.timer?.itemId === item.id) {
          await tx.update(meetings).set({ timer: null }).where(eq(meetings.id, found.meeting.id));
        }
        await recordMeetingEvent(tx, actor, found, 'agenda.changed', { itemId: item.id, removed: true });
      });
      return { ok: true as const };
    },
  );
};
