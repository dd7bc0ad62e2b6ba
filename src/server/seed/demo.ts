import { count } from 'drizzle-orm';
import type { Format, Network } from '../../shared/roles.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Db, Executor } from '../db/connect.ts';
import {
  agencies,
  agencyMembers,
  channels,
  clientMembers,
  clients,
  rubrics,
  users,
} from '../db/schema/index.ts';
import { recordEvent } from '../events/recordEvent.ts';
import type { FileStorage } from '../files/storage.ts';
import { seedDemoFacts } from './demoFacts.ts';
import { seedDemoInsights, seedDemoLastMonth } from './demoInsights.ts';
import { seedDemoMeeting } from './demoMeeting.ts';
import { seedDemoPlans } from './demoPlans.ts';
import { seedDemoPosts } from './demoPosts.ts';

export const DEMO_PASSWORD = 'plit-demo';

/** The logins printed at start-up, so anyone can try Plit at once. */
export const demoLogins = [
  { email: 'owner@plit.demo', who: 'Demo Agency, owner' },
  { email: 'cm@plit.demo', who: 'Demo Agency, content manager' },
  { email: 'creator@plit.demo', who: 'Demo Agency, creator' },
  { email: 'marketing@kyivcoffee.demo', who: 'Kyiv Coffee Roasters, approver' },
  { email: 'smm@kyivcoffee.demo', who: 'Kyiv Coffee Roasters, contributor' },
  { email: 'pr@bookfair.demo', who: 'Lviv Book Fair, approver' },
  { email: 'owner@other.demo', who: 'Other Agency, owner' },
] as const;

interface DemoClient {
  name: string;
  timezone: string;
  channels: Array<{ network: Network; handle: string; formats: Format[] }>;
  rubrics: Array<[string, string]>;
  contacts?: Array<{ email: string; name: string; role: 'approver' | 'contributor' }>;
  /** Give this client the demo's three months of plans. */
  plans?: boolean;
}

export const demoAgencies: Array<{
  name: string;
  members: Array<{
    email: string;
    name: string;
    role: 'owner' | 'content_manager' | 'creator';
    locale: 'uk' | 'en';
  }>;
  clients: DemoClient[];
}> = [
  {
    name: 'Demo Agency',
    members: [
      { email: 'owner@plit.demo', name: 'Олена Коваль', role: 'owner', locale: 'uk' },
      { email: 'cm@plit.demo', name: 'Марта Шевчук', role: 'content_manager', locale: 'uk' },
      { email: 'creator@plit.demo', name: 'Андрій Бондар', role: 'creator', locale: 'uk' },
    ],
    clients: [
      {
        name: 'Kyiv Coffee Roasters',
        timezone: 'Europe/Kyiv',
        channels: [
          {
            network: 'instagram',
            handle: '@kyivcoffeeroasters',
            formats: ['post', 'carousel', 'reel', 'story'],
          },
          { network: 'facebook', handle: 'Kyiv Coffee Roasters', formats: ['post', 'video'] },
          { network: 'telegram', handle: '@kyivcoffee', formats: ['post', 'text'] },
        ],
        rubrics: [
          ['Кава тижня', '#b45309'],
          ['За лаштунками', '#7c3aed'],
          ['Команда', '#0891b2'],
          ['Події', '#dc2626'],
          ['Поради бариста', '#16a34a'],
        ],
        contacts: [
          { email: 'marketing@kyivcoffee.demo', name: 'Ірина Мельник', role: 'approver' },
          { email: 'smm@kyivcoffee.demo', name: 'Тарас Лисенко', role: 'contributor' },
        ],
        plans: true,
      },
      {
        name: 'Lviv Book Fair',
        timezone: 'Europe/Kyiv',
        channels: [
          { network: 'instagram', handle: '@lvivbookfair', formats: ['post', 'carousel', 'reel', 'story'] },
          { network: 'tiktok', handle: '@lvivbookfair', formats: ['video'] },
          { network: 'linkedin', handle: 'Lviv Book Fair', formats: ['post', 'article'] },
        ],
        rubrics: [
          ['Автори', '#2563eb'],
          ['Програма', '#db2777'],
          ['Партнери', '#65a30d'],
          ['Книжкові добірки', '#ea580c'],
        ],
        contacts: [{ email: 'pr@bookfair.demo', name: 'Софія Гнатюк', role: 'approver' }],
      },
    ],
  },
  {
    name: 'Other Agency',
    members: [{ email: 'owner@other.demo', name: 'Other Owner', role: 'owner', locale: 'en' }],
    clients: [
      {
        name: 'Odesa Wine',
        timezone: 'Europe/Kyiv',
        channels: [{ network: 'instagram', handle: '@odesawine', formats: ['post', 'reel'] }],
        rubrics: [['Vineyard', '#7f1d1d']],
      },
    ],
  },
];

async function seedClient(
  tx: Executor,
  agencyId: string,
  actor: { id: string; name: string },
  spec: DemoClient,
  passwordHash: string,
  files: FileStorage | undefined,
) {
  const [client] = await tx
    .insert(clients)
    .values({ agencyId, name: spec.name, timezone: spec.timezone })
    .returning();
  const clientId = client!.id;
  const about = { agencyId, clientId };
  const data = { name: spec.name, timezone: spec.timezone };
  await recordEvent(tx, actor, {
    ...about,
    type: 'client.created',
    subjectType: 'client',
    subjectId: clientId,
    data,
  });
  for (const ch of spec.channels) {
    const [row] = await tx
      .insert(channels)
      .values({ clientId, ...ch })
      .returning();
    const data = { network: ch.network, handle: ch.handle };
    await recordEvent(tx, actor, {
      ...about,
      type: 'channel.created',
      subjectType: 'channel',
      subjectId: row!.id,
      data,
    });
  }
  for (const [name, color] of spec.rubrics) {
    const [row] = await tx.insert(rubrics).values({ clientId, name, color }).returning();
    const data = { name, color };
    await recordEvent(tx, actor, {
      ...about,
      type: 'rubric.created',
      subjectType: 'rubric',
      subjectId: row!.id,
      data,
    });
  }
  if (spec.plans) await seedDemoPlans(tx, client!, actor);
  for (const contact of spec.contacts ?? []) {
    const [user] = await tx
      .insert(users)
      .values({
        email: contact.email,
        name: contact.name,
        passwordHash,
        locale: 'uk',
        emailVerifiedAt: new Date(),
      })
      .returning();
    await tx.insert(clientMembers).values({ clientId, userId: user!.id, role: contact.role });
    await recordEvent(
      tx,
      { id: user!.id, name: user!.name },
      {
        agencyId,
        clientId,
        type: 'contact.joined',
        subjectType: 'user',
        subjectId: user!.id,
        data: { name: user!.name, role: contact.role },
      },
    );
  }
  if (spec.plans) await seedDemoMeeting(tx, { ...client!, agencyId }, actor);
  if (spec.plans) await seedDemoFacts(tx, { ...client!, agencyId }, files);
  if (spec.plans) await seedDemoPosts(tx, client!, actor);
  if (spec.plans) await seedDemoInsights(tx, client!);
  if (spec.plans) await seedDemoLastMonth(tx, client!);
}

/**
 * Seed the demo agencies, only into an empty database. Returns whether it did. Without file
 * storage the demo's photo answer is left unanswered.
 */
export async function seedDemo(db: Db, files?: FileStorage): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(agencies);
    if ((existing?.n ?? 0) > 0) return false;
    for (const spec of demoAgencies) {
      const [agency] = await tx.insert(agencies).values({ name: spec.name }).returning();
      const agencyId = agency!.id;
      let owner: { id: string; name: string } | null = null;
      for (const m of spec.members) {
        const [user] = await tx
          .insert(users)
          .values({
            email: m.email,
            name: m.name,
            passwordHash,
            locale: m.locale,
            emailVerifiedAt: new Date(),
          })
          .returning();
        await tx.insert(agencyMembers).values({ agencyId, userId: user!.id, role: m.role });
        owner ??= { id: user!.id, name: user!.name };
      }
      for (const c of spec.clients) await seedClient(tx, agencyId, owner!, c, passwordHash, files);
    }
    return true;
  });
}
