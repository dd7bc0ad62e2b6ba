import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Notification } from '../../shared/api/facts.ts';
import type { Executor } from '../db/connect.ts';
import { agencyMembers, notifications, users } from '../db/schema/index.ts';

type Input = {
  kind: Notification['kind'];
  agencyId: string;
  data: Notification['data'];
  link: string;
  /**
   * Several of these about one thing fold into one unread entry with a count ("3 new answers"),
   * instead of a bell that rings for every keystroke of a busy afternoon.
   */
  foldKey?: string;
  /**
   * Something waits for these people: it also goes to their inbox, at once or in the daily
   * digest (their setting), by the mail worker (notifications/emails.ts).
   */
  email?: boolean;
};

/** Tell these people, inside the transaction that caused it. */
export async function notify(tx: Executor, userIds: string[], input: Input): Promise<void> {
  const mailed = input.email ? await mailedUsers(tx, userIds) : new Set<string>();
  for (const userId of new Set(userIds)) {
    const emailPending = mailed.has(userId);
    if (input.foldKey) {
      const [unread] = await tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            eq(notifications.kind, input.kind),
            eq(notifications.link, input.link),
            isNull(notifications.readAt),
            sql`${notifications.data}->>'foldKey' = ${input.foldKey}`,
          ),
        )
        .limit(1);
      if (unread) {
        const count = Number(unread.data.count ?? 1) + 1;
        await tx
          .update(notifications)
          .set({
            data: { ...input.data, foldKey: input.foldKey, count },
            createdAt: new Date(),
            ...(emailPending ? { emailPending } : {}),
          })
          .where(eq(notifications.id, unread.id));
        continue;
      }
    }
    await tx.insert(notifications).values({
      userId,
      agencyId: input.agencyId,
      kind: input.kind,
      data: input.foldKey ? { ...input.data, foldKey: input.foldKey, count: 1 } : input.data,
      link: input.link,
      emailPending,
    });
  }
}

/** Who of these people wants email at all. */
async function mailedUsers(tx: Executor, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), ne(users.emailNotifications, 'off')));
  return new Set(rows.map((r) => r.id));
}

/** The agency's people who run client work: owners and content managers. */
export async function agencyManagers(tx: Executor, agencyId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: agencyMembers.userId })
    .from(agencyMembers)
    .where(
      and(eq(agencyMembers.agencyId, agencyId), inArray(agencyMembers.role, ['owner', 'content_manager'])),
    );
  return rows.map((r) => r.id);
}
