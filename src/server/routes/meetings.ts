import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  facilitatorBody,
  meeting,
  meetingParams,
  scheduleMeetingBody,
  timerBody,
  updateMeetingBody,
} from '../../shared/api/meetings.ts';
import { localParts, zonedInstant } from '../../shared/time.ts';
import type { Actor } from '../auth/actor.ts';
import { readNotes } from '../collab/notesText.ts';
import { moveCycleStage } from '../commands/moveCycleStage.ts';
import type { Context, RouteModule } from '../context.ts';
import type { Executor } from '../db/connect.ts';
import { agencyMembers, agendaItems, factRequests, meetings, topics, users } from '../db/schema/index.ts';
import { AppError, notFound, staleVersion } from '../errors.ts';
import { draftFactRequest } from '../facts/draft.ts';
import { recordFactEvent } from '../facts/event.ts';
import { transact } from '../live/transact.ts';
import { decide } from '../meetings/decide.ts';
import { recordMeetingEvent } from '../meetings/event.ts';
import { loadMeeting, loadMeetingForChange, type MeetingInCycle } from '../meetings/load.ts';
import { mailInvitations, mailSummary } from '../meetings/mail.ts';
import { notesDocument } from '../meetings/notesAccess.ts';
import { addStandardAgenda, setParticipants, sidesOf } from '../meetings/schedule.ts';
import { summarize } from '../meetings/summarize.ts';
import { participantsOf, presentMeeting } from '../meetings/view.ts';
import { loadCycle, loadCycleForChange } from '../planning/load.ts';
import { monthName } from '../planning/monthNames.ts';
import { requireActor } from '../plugins/auth.ts';
import { canRunMeeting } from '../policies/meeting.ts';

const tags = ['meetings'];
const one = z.object({ meeting });
const cycleParams = z.object({ cycleId: z.uuid() });

// Other route files import it from here; it lives with the meeting's other helpers.
export { recordMeetingEvent };

const runs = (actor: Actor, client: MeetingInCycle['client'], cycle: MeetingInCycle['cycle']) =>
  canRunMeeting(actor, client, cycle);

/** Load, check and lock a meeting the agency runs; the version must match when given. */
async function forRunning(tx: Executor, actor: Actor, meetingId: string, version?: number) {
  const found = await loadMeetingForChange(tx, actor, meetingId, runs);
  if (version !== undefined && found.meeting.version !== version) throw staleVersion();
  return found;
}

/** Read the meeting again after a change, as this person sees it. */
async function reread(ctx: Context, actor: Actor, meetingId: string) {
  return presentMeeting(ctx.db, actor, await loadMeeting(ctx.db, actor, meetingId));
}

export const meetingRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/cycles/:cycleId/meeting',
    {
      schema: {
        tags,
        summary: "The cycle's meeting (or fire-mode review), or null before one is scheduled",
        params: cycleParams,
        response: { 200: z.object({ meeting: meeting.nullable() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const found = await loadCycle(ctx.db, actor, request.params.cycleId);
      const [row] = await ctx.db.select().from(meetings).where(eq(meetings.cycleId, found.cycle.id));
      return { meeting: row ? await presentMeeting(ctx.db, actor, { ...found, meeting: row }) : null };
    },
  );

  app.get(
    '/api/meetings/:meetingId',
    {
      schema: {
        tags,
        summary: 'A meeting, everything in it, and what you may do',
        params: meetingParams,
        response: { 200: one },
      },
    },
    async (request) => ({ meeting: await reread(ctx, requireActor(request), request.params.meetingId) }),
  );

  app.post(
    '/api/cycles/:cycleId/meeting',
    {
      schema: {
        tags,
        summary:
          'Schedule the meeting (or, with format "async", prepare a fire-mode review) and invite people',
        params: cycleParams,
        body: scheduleMeetingBody,
        response: { 201: one },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      const { found, invite } = await transact(ctx, async (tx) => {
        const plan = await loadCycleForChange(tx, actor, request.params.cycleId, canRunMeeting);
        const [existing] = await tx
          .select({ id: meetings.id })
          .from(meetings)
          .where(eq(meetings.cycleId, plan.cycle.id));
        if (existing) throw new AppError('meeting_exists');
        if (plan.cycle.stage !== 'preparation' && plan.cycle.stage !== 'meeting') {
          throw new AppError('conflict', { message: 'This month is past its meeting stage.' });
        }
        const people = await sidesOf(tx, plan.client, body.participantIds);
        const [row] = await tx
          .insert(meetings)
          .values({
            cycleId: plan.cycle.id,
            clientId: plan.client.id,
            format: body.format,
            startsAt: zonedInstant(body.date, body.time, plan.client.timezone),
            durationMinutes: body.durationMinutes,
            callLink: body.format === 'online' ? (body.callLink ?? null) : null,
            place: body.format === 'offline' ? (body.place ?? null) : null,
            voteBudget: body.voteBudget,
            createdById: actor.user.id,
          })
          .returning();
        const found = { ...plan, meeting: row! };
        if (body.format !== 'async') await addStandardAgenda(tx, row!.id, body.durationMinutes);
        const invite = await setParticipants(tx, row!.id, people);
        await recordMeetingEvent(tx, actor, found, 'meeting.scheduled', { format: body.format });
        return { found, invite };
      });
      await mailInvitations(ctx, actor, found, invite, false);
      return reply.status(201).send({ meeting: await reread(ctx, actor, found.meeting.id) });
    },
  );

  app.patch(
    '/api/meetings/:meetingId',
    {
      schema: {
        tags,
        summary:
          'Reschedule or change the meeting; invitations go to new people, and to everyone when the time moves',
        params: meetingParams,
        body: updateMeetingBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { version, participantIds, date, time, ...rest } = request.body;
      const { found, invite, moved } = await transact(ctx, async (tx) => {
        const before = await forRunning(tx, actor, request.params.meetingId, version);
        if (before.meeting.status === 'ended')
          throw new AppError('conflict', { message: 'This meeting has ended.' });
        const local = localParts(before.meeting.startsAt, before.client.timezone);
        const invited = (await participantsOf(tx, before.meeting.id)).map((p) => p.userId);
        const startsAt = zonedInstant(date ?? local.date, time ?? local.time, before.client.timezone);
        const moved = startsAt.getTime() !== before.meeting.startsAt.getTime();
        const [row] = await tx
          .update(meetings)
          .set({ ...rest, startsAt, version: version + 1 })
          .where(eq(meetings.id, before.meeting.id))
          .returning();
        const found = { ...before, meeting: row! };
        const added = participantIds
          ? await setParticipants(tx, row!.id, await sidesOf(tx, found.client, participantIds))
          : [];
        await recordMeetingEvent(tx, actor, found, 'meeting.updated', { moved });
        const everyone = moved ? invited : [];
        const keep = new Set(participantIds ?? invited);
        return { found, invite: [...new Set([...everyone.filter((id) => keep.has(id)), ...added])], moved };
      });
      await mailInvitations(ctx, actor, found, invite, moved);
      return { meeting: await reread(ctx, actor, found.meeting.id) };
    },
  );

  app.post(
    '/api/meetings/:meetingId/start',
    {
      schema: {
        tags,
        summary: 'Open the room (or the fire-mode review): the cycle moves to its meeting stage',
        params: meetingParams,
        body: z.object({ version: z.int().min(1) }),
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const found = await transact(ctx, async (tx) => {
        const found = await forRunning(tx, actor, request.params.meetingId, request.body.version);
        if (found.meeting.status !== 'scheduled')
          throw new AppError('conflict', { message: 'This meeting has already started.' });
        let cycle = found.cycle;
        if (cycle.stage === 'preparation')
          cycle = await moveCycleStage(tx, actor, found, 'meeting', cycle.version);
        const [first] = await tx
          .select({ id: agendaItems.id })
          .from(agendaItems)
          .where(eq(agendaItems.meetingId, found.meeting.id))
          .orderBy(agendaItems.position)
          .limit(1);
        const [row] = await tx
          .update(meetings)
          .set({
            status: 'live',
            startedAt: new Date(),
            facilitatorId: actor.user.id,
            facilitatorName: actor.user.name,
            focus: first
              ? { itemId: first.id, topicId: null, byName: actor.user.name, at: new Date().toISOString() }
              : null,
            version: found.meeting.version + 1,
          })
          .where(eq(meetings.id, found.meeting.id))
          .returning();
        const started = { ...found, cycle, meeting: row! };
        await recordMeetingEvent(tx, actor, started, 'meeting.started', { format: row!.format });
        return started;
      });
      ctx.meetingRooms.changed(found.meeting.id);
      if (found.meeting.format === 'async') {
        const people = (await presentMeeting(ctx.db, actor, found)).participants.filter(
          (p) => p.side === 'client',
        );
        await mailInvitations(
          ctx,
          actor,
          found,
          people.map((p) => p.userId),
          false,
        );
      }
      return { meeting: await reread(ctx, actor, found.meeting.id) };
    },
  );

  app.post(
    '/api/meetings/:meetingId/facilitator',
    {
      schema: {
        tags,
        summary: 'Hand the facilitator role to another agency member',
        params: meetingParams,
        body: facilitatorBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const found = await transact(ctx, async (tx) => {
        const found = await forRunning(tx, actor, request.params.meetingId, request.body.version);
        const [member] = await tx
          .select({ userId: agencyMembers.userId, name: users.name })
          .from(agencyMembers)
          .innerJoin(users, eq(users.id, agencyMembers.userId))
          .where(
            and(
              eq(agencyMembers.agencyId, found.client.agencyId),
              eq(agencyMembers.userId, request.body.userId),
            ),
          );
        if (!member) {
          throw new AppError('validation_failed', {
            fields: { userId: 'The facilitator is one of the agency’s members.' },
          });
        }
        // Any member of the agency may take over, invited or not.
        const name = member.name;
        const [row] = await tx
          .update(meetings)
          .set({
            facilitatorId: member.userId,
            facilitatorName: name,
            version: found.meeting.version + 1,
          })
          .where(eq(meetings.id, found.meeting.id))
          .returning();
        const changed = { ...found, meeting: row! };
        await recordMeetingEvent(tx, actor, changed, 'meeting.facilitator_changed', {
          facilitatorName: name,
        });
        return changed;
      });
      ctx.meetingRooms.changed(found.meeting.id);
      return { meeting: await reread(ctx, actor, found.meeting.id) };
    },
  );

  app.post(
    '/api/meetings/:meetingId/timer',
    {
      schema: {
        tags,
        summary: "Start, pause, resume or reset an agenda item's timer (the server's clock counts)",
        params: meetingParams,
        body: timerBody,
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { action, itemId, minutes } = request.body;
      await transact(ctx, async (tx) => {
        const found = await forRunning(tx, actor, request.params.meetingId);
        if (found.meeting.status !== 'live') throw new AppError('meeting_not_live');
        const [item] = await tx
          .select()
          .from(agendaItems)
          .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, found.meeting.id)));
        if (!item) throw notFound();
        const now = Date.now();
        const current = found.meeting.timer?.itemId === itemId ? found.meeting.timer : null;
        let timer = found.meeting.timer ?? null;
        if (action === 'start') {
          const ms = Math.round((minutes ?? item.minutes) * 60_000);
          timer = { itemId, endsAt: new Date(now + ms).toISOString(), remainingMs: ms };
        } else if (action === 'pause' && current?.endsAt) {
          timer = { itemId, endsAt: null, remainingMs: Math.max(0, Date.parse(current.endsAt) - now) };
        } else if (action === 'resume' && current && !current.endsAt) {
          timer = {
            itemId,
            endsAt: new Date(now + current.remainingMs).toISOString(),
            remainingMs: current.remainingMs,
          };
        } else if (action === 'reset') {
          timer = null;
        } else {
          throw new AppError('conflict', { message: `The timer cannot ${action} now.` });
        }
        await tx.update(meetings).set({ timer }).where(eq(meetings.id, found.meeting.id));
        await recordMeetingEvent(tx, actor, found, 'meeting.timer', { action, itemId, timer });
      });
      return { meeting: await reread(ctx, actor, request.params.meetingId) };
    },
  );

  app.post(
    '/api/meetings/:meetingId/end',
    {
      schema: {
        tags,
        summary:
          'End the meeting (or close the review): the summary is kept and sent, the cycle moves to facts',
        params: meetingParams,
        body: z.object({
          version: z.int().min(1),
          acceptUndecided: z
            .boolean()
            .default(false)
            .describe('Topics nobody decided on are accepted as they are; without it, they block the end.'),
        }),
        response: { 200: one },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // The notes as stored: every edit a browser saw acknowledged is already in the database.
      const notes = await readNotes(ctx, request.params.meetingId);
      const found = await transact(ctx, async (tx) => {
        const found = await forRunning(tx, actor, request.params.meetingId, request.body.version);
        if (found.meeting.status !== 'live') throw new AppError('meeting_not_live');
        const undecided = await tx
          .select()
          .from(topics)
          .where(and(eq(topics.cycleId, found.cycle.id), eq(topics.status, 'proposed')));
        if (undecided.length > 0 && !request.body.acceptUndecided) {
          throw new AppError('stage_blocked', {
            message: `${undecided.length} topics have no decision yet.`,
            fields: { to: 'topics_undecided' },
          });
        }
        for (const t of undecided) {
          await decide(tx, actor, found, {
            topicId: t.id,
            kind: 'accept',
            note: '',
            topicVersion: t.version,
          });
        }
        const summary = await summarize(tx, found, notes.paragraphs);
        // While it is fresh: the draft of what the agency needs from the client for these topics.
        const requestId = await draftFactRequest(tx, found);
        const [drafted] = await tx.select().from(factRequests).where(eq(factRequests.id, requestId));
        await recordFactEvent(tx, actor, { ...found, request: drafted! }, 'fact_request.drafted');
        const cycle = await moveCycleStage(tx, actor, found, 'facts', found.cycle.version);
        const [row] = await tx
          .update(meetings)
          .set({
            status: 'ended',
            endedAt: new Date(),
            timer: null,
            summary,
            version: found.meeting.version + 1,
          })
          .where(eq(meetings.id, found.meeting.id))
          .returning();
        const ended = { ...found, cycle, meeting: row! };
        await recordMeetingEvent(tx, actor, ended, 'meeting.ended', {});
        return ended;
      });
      ctx.meetingRooms.changed(found.meeting.id);
      ctx.live.publishControl('collab-close', notesDocument(found.meeting.id));
      const s = found.meeting.summary as unknown as import('../../shared/api/meetings.ts').MeetingSummary;
      await mailSummary(ctx, found, {
        link: `${ctx.env.publicUrl}/meetings/${found.meeting.id}`,
        clientName: found.client.name,
        monthUk: monthName(found.cycle.month, 'uk'),
        monthEn: monthName(found.cycle.month, 'en'),
        agreed: s.agreed.length,
        parked: s.parked.length,
        dropped: s.dropped.length,
        ideas: s.ideas.length,
        openQuestions: s.questions.filter((q) => q.status === 'for_facts').length,
        fireMode: s.fireMode,
      });
      return { meeting: await reread(ctx, actor, found.meeting.id) };
    },
  );
};
