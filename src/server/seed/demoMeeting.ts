import { and, eq } from 'drizzle-orm';
import { localParts, nextMonth, zonedInstant } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import {
  agencyMembers,
  channels,
  clientMembers,
  clientPlans,
  contingencies,
  cycles,
  meetingParticipants,
  meetingQuestions,
  meetings,
  users,
} from '../db/schema/index.ts';
import { addStandardAgenda } from '../meetings/schedule.ts';

type Who = { id: string; name: string };

/**
 * Next month's plan, shared with the client, with the meeting two days from now: the client
 * has already said what it expects in the month (one event with a prepared "what if") and
 * asked a question, so a newcomer sees what the room will work with.
 */
export async function seedDemoMeeting(
  tx: Executor,
  client: { id: string; agencyId: string; timezone: string },
  actor: Who,
) {
  const today = localParts(new Date(), client.timezone).date;
  const month = nextMonth(today.slice(0, 7));
  const [cycle] = await tx
    .update(cycles)
    .set({ sharedAt: new Date() })
    .where(and(eq(cycles.clientId, client.id), eq(cycles.month, month)))
    .returning();
  if (!cycle) return;
  const contacts = await tx
    .select({ id: clientMembers.userId, name: users.name, role: clientMembers.role })
    .from(clientMembers)
    .innerJoin(users, eq(users.id, clientMembers.userId))
    .where(eq(clientMembers.clientId, client.id));
  const contact = contacts.find((c) => c.role === 'approver') ?? contacts[0];
  const author = contact ? { authorId: contact.id, authorName: contact.name } : {};
  const day = (n: number) => `${month}-${String(n).padStart(2, '0')}`;
  const [instagram] = await tx
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.clientId, client.id), eq(channels.network, 'instagram')));

  await tx.insert(clientPlans).values([
    {
      cycleId: cycle.id,
      title: 'Старт продажів купажу «Ефіопія Гуджі»',
      startsOn: day(8),
      likelihood: 'certain',
      notes: 'Ціна ще обговорюється',
      ...author,
    },
    {
      cycleId: cycle.id,
      title: 'Нові фото кав’ярні на Подолі',
      startsOn: day(12),
      endsOn: day(19),
      likelihood: 'likely',
      notes: '',
      ...author,
    },
  ]);
  const [fest] = await tx
    .insert(clientPlans)
    .values({
      cycleId: cycle.id,
      title: 'Виступ на Kyiv Coffee Fest',
      startsOn: day(20),
      endsOn: day(21),
      likelihood: 'maybe',
      notes: 'Організатори підтвердять за тиждень',
      ...author,
    })
    .returning();
  await tx.insert(contingencies).values({
    planId: fest!.id,
    concept: 'Рілс «За лаштунками виступу»: підготовка, зала, перші слова',
    trigger: 'Якщо виступ підтвердять',
    channelId: instagram?.id ?? null,
    format: 'reel',
    authorId: actor.id,
    authorName: actor.name,
  });

  const inTwoDays = localParts(new Date(Date.now() + 2 * 86_400_000), client.timezone).date;
  const [meeting] = await tx
    .insert(meetings)
    .values({
      cycleId: cycle.id,
      clientId: client.id,
      format: 'online',
      startsAt: zonedInstant(inTwoDays, '11:00', client.timezone),
      durationMinutes: 90,
      callLink: 'https://meet.example.com/kyiv-coffee',
      createdById: actor.id,
    })
    .returning();
  await addStandardAgenda(tx, meeting!.id, 90);
  const team = await tx
    .select({ userId: agencyMembers.userId })
    .from(agencyMembers)
    .where(eq(agencyMembers.agencyId, client.agencyId));
  await tx.insert(meetingParticipants).values([
    ...team.map((m) => ({
      meetingId: meeting!.id,
      userId: m.userId,
      side: 'agency' as const,
      invitedAt: new Date(),
    })),
    ...(contact
      ? [{ meetingId: meeting!.id, userId: contact.id, side: 'client' as const, invitedAt: new Date() }]
      : []),
  ]);
  if (contact) {
    await tx.insert(meetingQuestions).values({
      meetingId: meeting!.id,
      text: 'Чи можемо анонсувати дегустацію заздалегідь, до старту продажів?',
      askedById: contact.id,
      askedByName: contact.name,
      side: 'client',
    });
  }
}
