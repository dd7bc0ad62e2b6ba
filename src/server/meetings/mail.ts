import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Context } from '../context.ts';
import { clientMembers, meetingParticipants, users } from '../db/schema/index.ts';
import { formatDateTime, monthName } from '../exports/locale.ts';
import { meetingInvitationEmail, meetingSummaryEmail, reviewOpenedEmail } from '../mail/templates.ts';
import { personalLink } from '../notifications/links.ts';
import { meetingIcs } from './ics.ts';
import { type MeetingInCycle, participantsOf } from './load.ts';

/** When the meeting starts, in the client's zone, as each half of the email says it. */
const whenText = (found: MeetingInCycle, language: 'uk' | 'en') =>
  `${formatDateTime(language, found.meeting.startsAt, found.client.timezone)} (${found.client.timezone})`;

/** Each person's own link to the meeting: a contact's is scoped to it (notifications/links.ts). */
const meetingLinkFor = (ctx: Context, found: MeetingInCycle, userId: string) =>
  personalLink(ctx, ctx.db, userId, {
    clientId: found.client.id,
    path: `/meetings/${found.meeting.id}`,
    scoped: { kind: 'meeting', subjectId: found.meeting.id },
  });

/**
 * Invite people to the meeting (or to the fire-mode review), after the change committed.
 * Each email carries an .ics the calendar app adds; a reschedule sends the same UID again.
 */
export async function mailInvitations(
  ctx: Context,
  actor: Actor,
  found: MeetingInCycle,
  userIds: string[],
  rescheduled: boolean,
): Promise<void> {
  if (userIds.length === 0) return;
  const { meeting, client, cycle } = found;
  const link = `${ctx.env.publicUrl}/meetings/${meeting.id}`;
  const recipients = await ctx.db.select().from(users).where(inArray(users.id, userIds));
  const months = { monthUk: monthName(cycle.month, 'uk'), monthEn: monthName(cycle.month, 'en') };
  if (meeting.format === 'async') {
    for (const r of recipients) {
      const email = reviewOpenedEmail({
        link: await meetingLinkFor(ctx, found, r.id),
        clientName: client.name,
        ...months,
        dueUk: whenText(found, 'uk'),
        dueEn: whenText(found, 'en'),
        agencyName: actor.agency?.name ?? '',
      });
      await ctx.mailer.send({ ...email, to: r.email, agencyId: client.agencyId });
    }
    return;
  }
  const everyone = await participantsOf(ctx.db, meeting.id);
  const ics = meetingIcs({
    meeting,
    title: `Plit: ${client.name}, ${months.monthEn}`,
    description: `Co-creation meeting: the ${months.monthEn} content plan.`,
    link,
    organizer: { name: actor.user.name, email: actor.user.email },
    attendees: everyone.map((p) => ({ name: p.name, email: p.email })),
  });
  const attachments = [
    { filename: 'meeting.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8', content: ics },
  ];
  for (const r of recipients) {
    const email = meetingInvitationEmail({
      link: await meetingLinkFor(ctx, found, r.id),
      clientName: client.name,
      ...months,
      whenUk: whenText(found, 'uk'),
      whenEn: whenText(found, 'en'),
      where: meeting.format === 'offline' ? (meeting.place ?? '') : (meeting.callLink ?? link),
      agencyName: actor.agency?.name ?? '',
      rescheduled,
    });
    await ctx.mailer.send({ ...email, attachments, to: r.email, agencyId: client.agencyId });
  }
  await ctx.db
    .update(meetingParticipants)
    .set({ invitedAt: new Date() })
    .where(and(eq(meetingParticipants.meetingId, meeting.id), inArray(meetingParticipants.userId, userIds)));
}

/** The summary goes to the participants and every contact of the client. */
export async function mailSummary(
  ctx: Context,
  found: MeetingInCycle,
  counts: Parameters<typeof meetingSummaryEmail>[0],
) {
  const participants = await participantsOf(ctx.db, found.meeting.id);
  const contacts = await ctx.db
    .select({ email: users.email })
    .from(clientMembers)
    .innerJoin(users, eq(users.id, clientMembers.userId))
    .where(eq(clientMembers.clientId, found.client.id));
  const to = new Set([...participants.map((p) => p.email), ...contacts.map((c) => c.email)]);
  const email = meetingSummaryEmail(counts);
  for (const address of to) await ctx.mailer.send({ ...email, to: address, agencyId: found.client.agencyId });
}
