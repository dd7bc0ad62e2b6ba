import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  audienceOf,
  type EventType,
  eventCatalogue,
  eventTypes,
  readEvent,
} from '../../src/shared/events/index.ts';
import type { PostStatus } from '../../src/shared/posts/statuses.ts';
import { en } from '../../src/web/i18n/en.ts';
import { eventsEn } from '../../src/web/i18n/events.en.ts';
import { uk } from '../../src/web/i18n/uk.ts';
import { describeEvent, eventColor } from '../../src/web/lib/eventText.ts';

describe('the event catalogue', () => {
  it('names every type as domain.what, each with a subject and an audience', () => {
    expect(eventTypes.length).toBeGreaterThan(80);
    for (const type of eventTypes) {
      expect(type).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(eventCatalogue[type].subject).toMatch(/^[a-z_]+$/);
    }
  });

  it('lets the client see a plan, a fact request and a post only once they are shared, sent or sent', () => {
    const plan = { cycleId: 'c', month: '2026-12', title: 'Ярмарок' };
    expect(audienceOf('topic.created', { sharedAt: null }, plan)).toBe('team');
    expect(audienceOf('topic.created', { sharedAt: new Date() }, plan)).toBe('everyone');
    const stage = { month: '2026-12', from: 'preparation', to: 'meeting' } as const;
    expect(audienceOf('cycle.stage_changed', { sharedAt: null }, stage)).toBe('team');
    const facts = { cycleId: 'c', month: '2026-12', requestId: 'r', itemId: 'i' };
    expect(audienceOf('fact_item.created', { status: 'draft' }, facts)).toBe('team');
    expect(audienceOf('fact_item.created', { status: 'sent' }, facts)).toBe('everyone');
    expect(audienceOf('fact_item.created', { status: 'complete' }, facts)).toBe('everyone');
    // A contact sees a post as the version sent to them: the agency's edits are the team's.
    const post = { cycleId: 'c', month: '2026-12', fields: ['link'] };
    expect(audienceOf('post.updated', undefined, post)).toBe('team');
    const move = (revision: number, from: PostStatus, to: PostStatus) =>
      audienceOf('post.status_changed', { revision }, { cycleId: 'c', month: '2026-12', from, to, round: 2 });
    expect([
      move(0, 'draft', 'internal_review'),
      move(1, 'draft', 'client_review'),
      move(1, 'client_review', 'changes_requested'),
      move(1, 'changes_requested', 'internal_review'),
      move(1, 'internal_review', 'draft'),
      move(1, 'client_review', 'draft'),
    ]).toEqual(['team', 'everyone', 'everyone', 'team', 'team', 'everyone']);
    const onPost = { cycleId: 'c', month: '2026-12' };
    const comment = (revision: number, internal: boolean) =>
      audienceOf('post.commented', { post: { revision }, comment: { internal } }, onPost);
    expect([comment(0, false), comment(1, true), comment(1, false)]).toEqual(['team', 'team', 'everyone']);
  });

  it("keeps a slot's move away from its sent post's time to the team; other moves follow the shared plan", () => {
    const place = { cycleId: 'c', month: '2026-12', date: '2026-12-08', time: '18:45' };
    const sent = new Date('2026-12-07T08:00:00Z');
    const moved = new Date('2026-12-08T16:45:00Z');
    const slot = (sharedAt: Date | null, startsAt: Date, sentPublishAt: Date | null) =>
      audienceOf('slot.updated', { sharedAt, startsAt, sentPublishAt }, place);
    expect(slot(null, moved, null)).toBe('team');
    expect(slot(new Date(), moved, null)).toBe('everyone');
    expect(slot(new Date(), moved, sent)).toBe('team');
    // Back at the sent time (or a change of channel that keeps it): what the client already sees.
    expect(slot(new Date(), sent, sent)).toBe('everyone');
    expect(slot(null, sent, sent)).toBe('team');
  });

  it("keeps the agency's desk to the team and shows the client what is the client's", () => {
    const changes = (keys: string[]) => ({
      changes: Object.fromEntries(keys.map((k) => [k, { from: 'a', to: 'b' }])),
    });
    expect(audienceOf('client.updated', undefined, changes(['name', 'timezone']))).toBe('everyone');
    expect(audienceOf('client.updated', undefined, changes(['name', 'postInternalReview']))).toBe('team');
    const team = eventTypes.filter((type) => eventCatalogue[type].audience === 'team');
    expect(team).toEqual(
      expect.arrayContaining([
        'contact.invited',
        'invitation.revoked',
        'member.invited',
        'calendar_feed.created',
        'fact_template.created',
        'cycle.started',
        'insights.history_imported',
        'client.archived',
      ]),
    );
  });

  it('reads back only what it knows: another type or a data shape it does not expect is null', () => {
    expect(readEvent({ type: 'rubric.created', data: { name: 'Кава', color: '#112233' } })).toEqual({
      type: 'rubric.created',
      data: { name: 'Кава', color: '#112233' },
    });
    expect(readEvent({ type: 'rubric.created', data: { name: 1 } })).toBeNull();
    expect(readEvent({ type: 'client.renamed', data: {} })).toBeNull();
    expect(readEvent({ type: 'toString', data: {} })).toBeNull();
  });
});

/** A JSON schema node, as much of it as the samples need. */
interface Json {
  type?: string;
  enum?: unknown[];
  anyOf?: Json[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
}

/** A value of this schema: the first choice of every enum and union. */
function sample(schema: Json): unknown {
  if (schema.anyOf) return sample(schema.anyOf[0]!);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v)]));
    case 'array':
      return [sample(schema.items ?? {})];
    case 'integer':
    case 'number':
      return 3;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return /date|day/i.test(JSON.stringify(schema)) ? '2026-12-04' : 'Тест';
  }
}

/** The values a property may take that change a sentence: every enum member, both booleans, absent. */
function choices(schema: Json, required: boolean): unknown[] {
  const all = schema.anyOf ? schema.anyOf.flatMap((s) => choices(s, true)) : [];
  if (schema.enum) all.push(...schema.enum);
  if (schema.type === 'boolean') all.push(true, false);
  if (schema.type === 'null') all.push(null);
  if (!required) all.push(undefined);
  return all;
}

/** Sample data of a type, and one variant per value of each property that picks a sentence. */
function samplesOf(type: EventType): Array<Record<string, unknown>> {
  const schema = z.toJSONSchema(eventCatalogue[type].data, { io: 'input' }) as Json;
  const base = sample(schema) as Record<string, unknown>;
  // Dates and months are real ones: the sentences format them.
  for (const key of ['month']) if (key in base) base[key] = '2026-12';
  for (const key of ['date', 'dueOn']) if (key in base) base[key] = '2026-12-04';
  if ('time' in base) base.time = '10:00';
  // An optional choice (a reason, a flag) starts absent: each of its values is a variant below.
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (property.enum && !schema.required?.includes(key)) delete base[key];
  }
  const variants = [base];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    for (const value of choices(property, schema.required?.includes(key) ?? false)) {
      const variant = { ...base, [key]: value };
      if (value === undefined) delete variant[key];
      variants.push(variant);
    }
  }
  return variants;
}

describe('the activity feed’s sentences', () => {
  const ts: Record<'en' | 'uk', TFunction> = {} as never;
  const used = new Set<string>();

  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: en }, uk: { translation: uk } },
      lng: 'en',
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
    for (const language of ['en', 'uk'] as const) {
      // Untyped inside: the keys are whatever the sentences ask for, recorded to find unused ones.
      const t = i18n.getFixedT(language) as unknown as (key: string, options?: object) => string;
      ts[language] = ((key: string, options?: object) => {
        used.add(key);
        return t(key, options);
      }) as TFunction;
    }
  });

  it('says every variant of every catalogue event in both languages, never a raw type or key', () => {
    for (const type of eventTypes) {
      for (const data of samplesOf(type)) {
        expect(readEvent({ type, data }), `${type} ${JSON.stringify(data)}`).not.toBeNull();
        for (const language of ['en', 'uk'] as const) {
          const lines = describeEvent({ type, data }, ts[language], language);
          const where = `${type} in ${language}: ${JSON.stringify(lines)}`;
          expect(lines.length, where).toBeGreaterThan(0);
          for (const line of lines) {
            expect(line, where).not.toBe('');
            expect(line, where).not.toMatch(/\{\{|\}\}|undefined|NaN|null|events\.|\b[a-z_]+\.[a-z_]+\b/);
            expect(line, where).not.toBe(language === 'en' ? eventsEn.other : uk.events.other);
          }
        }
      }
    }
  });

  it('writes Ukrainian sentences in Ukrainian, with months and plurals of their own', () => {
    const t = ts.uk;
    const month = { cycleId: 'c', month: '2026-12' };
    expect(describeEvent({ type: 'cycle.shared', data: { month: '2026-12' } }, t, 'uk')).toEqual([
      'Контент-план на грудень 2026 р. відкрито клієнту',
    ]);
    expect(describeEvent({ type: 'topics.imported', data: { ...month, count: 5 } }, t, 'uk')).toEqual([
      'Імпортовано 5 тем',
    ]);
    expect(describeEvent({ type: 'topics.imported', data: { ...month, count: 3 } }, t, 'uk')).toEqual([
      'Імпортовано 3 теми',
    ]);
    const stage = { month: '2026-12', from: 'preparation', to: 'meeting' };
    expect(describeEvent({ type: 'cycle.stage_changed', data: stage }, t, 'uk')).toEqual([
      'Контент-план на грудень 2026 р. перейшов з етапу «Підготовка» до етапу «Зустріч»',
    ]);
    expect(
      describeEvent({ type: 'contact.joined', data: { name: 'Пе Ер', role: 'approver' } }, t, 'uk'),
    ).toEqual(['Новий контакт: Пе Ер. Роль: погоджувач']);
  });

  it('tells each changed setting of a client on its own line', () => {
    const data = {
      changes: {
        name: { from: 'Книги', to: 'Книгарня' },
        postInternalReview: { from: 'false', to: 'true' },
        coCreationSince: { from: 'null', to: '2026-09' },
      },
    };
    expect(describeEvent({ type: 'client.updated', data }, ts.en, 'en')).toEqual([
      'Renamed from “Книги” to “Книгарня”',
      'Posts now pass an internal review before the client sees them',
      'Planning together counted from September 2026',
    ]);
    const more = {
      changes: {
        timezone: { from: 'Europe/Kyiv', to: 'Europe/Warsaw' },
        stageDays: { from: '{}', to: '{"facts":3}' },
        factReminders: { from: '[]', to: '[-2]' },
        approvalLeadDays: { from: '2', to: '3' },
        language: { from: 'uk', to: 'en' },
        postInternalReview: { from: 'true', to: 'false' },
        coCreationSince: { from: '2026-09', to: 'null' },
      },
    };
    expect(describeEvent({ type: 'client.updated', data: more }, ts.uk, 'uk')).toEqual([
      'Часовий пояс змінено з Europe/Kyiv на Europe/Warsaw',
      'Змінено типові терміни етапів',
      'Змінено нагадування про фактаж',
      'Змінено термін погодження (робочих днів до публікації: 3)',
      'Змінено мову клієнта: англійська',
      'Тепер пости йдуть одразу клієнту',
      'Початок спільного планування скасовано',
    ]);
  });

  it('tells a reordered topic and a post moved in time from other changes', () => {
    const plan = { cycleId: 'c', month: '2026-12' };
    const topic = (changed: string[]) => ({
      type: 'topic.updated',
      data: { ...plan, title: 'Кава', changed },
    });
    expect(describeEvent(topic([]), ts.en, 'en')).toEqual(['Topic “Кава” moved in the list']);
    expect(describeEvent(topic(['angle']), ts.en, 'en')).toEqual(['Topic changed: “Кава”']);
    const post = (fields: string[]) => ({ type: 'post.updated', data: { ...plan, fields } });
    expect(describeEvent(post(['hashtags', 'publishAt']), ts.uk, 'uk')).toEqual([
      'Пост перенесено на інший час',
    ]);
    expect(describeEvent(post(['hashtags']), ts.uk, 'uk')).toEqual(['Змінено деталі поста']);
  });

  it('reads "something changed" for a type or data it does not know, never the raw type', () => {
    expect(describeEvent({ type: 'client.teleported', data: {} }, ts.en, 'en')).toEqual([
      'Something changed',
    ]);
    expect(describeEvent({ type: 'topic.created', data: { title: 7 } }, ts.uk, 'uk')).toEqual([
      'Щось змінилося',
    ]);
  });

  it('shows a rubric’s colour beside its events, and no other colour', () => {
    expect(eventColor({ type: 'rubric.updated', data: { name: 'Кава', color: '#7f1d1d' } })).toBe('#7f1d1d');
    expect(eventColor({ type: 'rubric.updated', data: { name: 'Кава', color: 'red;x' } })).toBeNull();
    expect(eventColor({ type: 'channel.created', data: { network: 'x', handle: '#7f1d1d' } })).toBeNull();
  });

  it('uses every sentence it has (no dead or misspelt key)', () => {
    const keys: string[] = [];
    const walk = (node: object, prefix: string) => {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string') keys.push(`${prefix}${key.replace(/_(one|few|many|other)$/, '')}`);
        else walk(value, `${prefix}${key}.`);
      }
    };
    walk(eventsEn, 'events.');
    const unused = [...new Set(keys)].filter((key) => !used.has(key) && key !== 'events.other');
    expect(unused).toEqual([]);
  });
});
