import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import type { BodyOf } from '../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { errorOf } from '../support/errors.ts';
import { makeAgency, type TestAgency } from '../support/factories.ts';
import { api, raw } from '../support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface EventView {
  id: number;
  type: string;
  actorName: string | null;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
}

async function eventsOf(cookie: string, clientId: string): Promise<EventView[]> {
  const res = await api(t.app, endpoints.listClientEvents, {
    params: { clientId },
    query: { limit: 100 },
    cookie,
  });
  expect(res.status).toBe(200);
  return res.body.events;
}

async function createClient(
  agency: TestAgency,
  body: BodyOf<typeof endpoints.createClient> = { name: 'Kyiv Coffee' },
) {
  const res = await api(t.app, endpoints.createClient, { cookie: agency.contentManager.cookie, body });
  expect(res.status).toBe(201);
  return res.body.client;
}

describe('clients', () => {
  it('a content manager creates a client, which then is listed and readable', async () => {
    const agency = await makeAgency(t.database.db);
    const created = await api(t.app, endpoints.createClient, {
      cookie: agency.contentManager.cookie,
      body: { name: 'Kyiv Coffee', timezone: 'America/New_York' },
    });
    expect(created.status).toBe(201);
    expect(created.body.client).toMatchObject({
      name: 'Kyiv Coffee',
      timezone: 'America/New_York',
      archived: false,
      version: 1,
      currentCycle: null,
      counts: { channels: 0, rubrics: 0, contacts: 0 },
      abilities: { update: true, archive: true, manageContacts: true },
    });
    const id = created.body.client.id;

    const list = await api(t.app, endpoints.listClients, { cookie: agency.owner.cookie });
    expect(list.status).toBe(200);
    expect(list.body.clients.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([id, agency.client.id, agency.otherClient.id]),
    );
    expect(list.body.clients).toHaveLength(3);

    const one = await api(t.app, endpoints.getClient, {
      params: { clientId: id },
      cookie: agency.creator.cookie,
    });
    expect(one.status).toBe(200);
    expect(one.body.client.name).toBe('Kyiv Coffee');
    // A creator reads but does not manage.
    expect(one.body.client.abilities).toEqual({ update: false, archive: false, manageContacts: false });
  });

  it('defaults the time zone to Europe/Kyiv and counts channels, rubrics and contacts', async () => {
    const agency = await makeAgency(t.database.db);
    const created = await createClient(agency);
    expect(created.timezone).toBe('Europe/Kyiv');
    const seeded = await api(t.app, endpoints.getClient, {
      params: { clientId: agency.client.id },
      cookie: agency.owner.cookie,
    });
    expect(seeded.body.client.counts).toEqual({ channels: 1, rubrics: 1, contacts: 1 });
  });

  it('a creator cannot create a client', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.createClient, {
      cookie: agency.creator.cookie,
      body: { name: 'Not allowed' },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('forbidden');
  });

  it('renames and changes the time zone, bumping the version', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.updateClient, {
      params: { clientId: agency.client.id },
      cookie: agency.contentManager.cookie,
      body: { name: 'Львівські пляцки', timezone: 'Europe/Warsaw', version: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body.client).toMatchObject({
      name: 'Львівські пляцки',
      timezone: 'Europe/Warsaw',
      version: 2,
    });
    const again = await api(t.app, endpoints.getClient, {
      params: { clientId: agency.client.id },
      cookie: agency.owner.cookie,
    });
    expect(again.body.client).toMatchObject({
      name: 'Львівські пляцки',
      timezone: 'Europe/Warsaw',
      version: 2,
    });
  });

  it('refuses a stale version with 409 stale_version, changing nothing and recording nothing', async () => {
    const agency = await makeAgency(t.database.db);
    const clientId = agency.client.id;
    const cookie = agency.contentManager.cookie;
    expect(
      (
        await api(t.app, endpoints.updateClient, {
          params: { clientId },
          cookie,
          body: { name: 'First edit', version: 1 },
        })
      ).status,
    ).toBe(200);
    const eventsBefore = await eventsOf(cookie, agency.client.id);

    const stale = await api(t.app, endpoints.updateClient, {
      params: { clientId },
      cookie,
      body: { name: 'Second edit', version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('stale_version');
    const after = await api(t.app, endpoints.getClient, { params: { clientId }, cookie });
    expect(after.body.client).toMatchObject({ name: 'First edit', version: 2 });
    expect(await eventsOf(cookie, agency.client.id)).toEqual(eventsBefore);
  });

  it('refuses an unknown time zone with 400 and fields.timezone', async () => {
    const agency = await makeAgency(t.database.db);
    const create = await raw(t.app, 'POST', '/api/clients', {
      cookie: agency.contentManager.cookie,
      body: { name: 'Somewhere', timezone: 'Europe/Atlantis' },
    });
    expect(create.status).toBe(400);
    expect(create.body.error.code).toBe('validation_failed');
    expect(create.body.error.fields).toHaveProperty('timezone');

    const patch = await raw(t.app, 'PATCH', `/api/clients/${agency.client.id}`, {
      cookie: agency.contentManager.cookie,
      body: { timezone: 'Mars/Olympus_Mons', version: 1 },
    });
    expect(patch.status).toBe(400);
    expect(patch.body.error.fields).toHaveProperty('timezone');
    const [row] = await t.database.db.select().from(clients).where(eq(clients.id, agency.client.id));
    expect(row?.timezone).toBe('Europe/Kyiv');
  });

  it('a PATCH without a version is refused with fields.version', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'PATCH', `/api/clients/${agency.client.id}`, {
      cookie: agency.contentManager.cookie,
      body: { name: 'No version' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('version');
  });
});

describe('archive', () => {
  it('hides an archived client from the default list and shows it with ?archived=true', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.owner.cookie;
    const archived = await api(t.app, endpoints.archiveClient, {
      params: { clientId: agency.client.id },
      cookie,
    });
    expect(archived.status).toBe(200);
    expect(archived.body.client.archived).toBe(true);
    expect(archived.body.client.abilities.update).toBe(false);

    const active = await api(t.app, endpoints.listClients, { cookie });
    expect(active.body.clients.map((c: { id: string }) => c.id)).toEqual([agency.otherClient.id]);
    const shelf = await api(t.app, endpoints.listClients, { query: { archived: 'true' }, cookie });
    expect(shelf.body.clients.map((c: { id: string }) => c.id)).toEqual([agency.client.id]);
    // Still readable by id: history is kept.
    expect(
      (await api(t.app, endpoints.getClient, { params: { clientId: agency.client.id }, cookie })).status,
    ).toBe(200);
  });

  it('an archived client refuses changes to itself, its channels and rubrics with 409 archived', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const clientId = agency.client.id;
    await api(t.app, endpoints.archiveClient, { params: { clientId }, cookie });
    const eventsBefore = await eventsOf(cookie, agency.client.id);

    const attempts = [
      api(t.app, endpoints.createChannel, {
        params: { clientId },
        cookie,
        body: { network: 'telegram', handle: '@late', formats: ['post'] },
      }),
      api(t.app, endpoints.updateChannel, {
        params: { clientId, channelId: agency.client.channel.id },
        cookie,
        body: { handle: '@renamed', version: 1 },
      }),
      api(t.app, endpoints.deleteChannel, {
        params: { clientId, channelId: agency.client.channel.id },
        cookie,
      }),
      api(t.app, endpoints.createRubric, {
        params: { clientId },
        cookie,
        body: { name: 'Team', color: '#00ff00' },
      }),
      api(t.app, endpoints.updateClient, {
        params: { clientId },
        cookie,
        body: { name: 'Renamed while archived', version: 2 },
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(409);
      expect(errorOf(res).code).toBe('archived');
    }
    const channels = await api(t.app, endpoints.listChannels, { params: { clientId }, cookie });
    expect(channels.body.channels).toEqual([expect.objectContaining({ handle: '@brand', version: 1 })]);
    expect((await api(t.app, endpoints.getClient, { params: { clientId }, cookie })).body.client.name).toBe(
      agency.client.name,
    );
    expect(await eventsOf(cookie, agency.client.id)).toEqual(eventsBefore);
  });

  it('unarchive brings the client back to the list and allows changes again', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const clientId = agency.client.id;
    await api(t.app, endpoints.archiveClient, { params: { clientId }, cookie });
    const back = await api(t.app, endpoints.unarchiveClient, { params: { clientId }, cookie });
    expect(back.status).toBe(200);
    expect(back.body.client.archived).toBe(false);
    const list = await api(t.app, endpoints.listClients, { cookie });
    expect(list.body.clients.map((c: { id: string }) => c.id)).toContain(agency.client.id);
    const add = await api(t.app, endpoints.createChannel, {
      params: { clientId },
      cookie,
      body: { network: 'tiktok', handle: '@back', formats: ['video'] },
    });
    expect(add.status).toBe(201);
    const types = (await eventsOf(cookie, agency.client.id)).map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['channel.created', 'client.unarchived', 'client.archived']);
  });

  it('archiving twice records one event', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.owner.cookie;
    await api(t.app, endpoints.archiveClient, { params: { clientId: agency.client.id }, cookie });
    const second = await api(t.app, endpoints.archiveClient, {
      params: { clientId: agency.client.id },
      cookie,
    });
    expect(second.status).toBe(200);
    const types = (await eventsOf(cookie, agency.client.id)).map((e) => e.type);
    expect(types.filter((type) => type === 'client.archived')).toHaveLength(1);
  });
});

describe('channels', () => {
  it('adds, lists, changes and removes a channel', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const clientId = agency.client.id;
    const created = await api(t.app, endpoints.createChannel, {
      params: { clientId },
      cookie,
      body: { network: 'telegram', handle: '@kyivcoffee', formats: ['post', 'video', 'post'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.channel).toMatchObject({
      network: 'telegram',
      handle: '@kyivcoffee',
      formats: ['post', 'video'],
      version: 1,
    });
    const id = created.body.channel.id;

    const list = await api(t.app, endpoints.listChannels, {
      params: { clientId },
      cookie: agency.approver.cookie,
    });
    expect(list.status).toBe(200);
    expect(list.body.channels.map((c: { id: string }) => c.id)).toEqual([agency.client.channel.id, id]);

    const changed = await api(t.app, endpoints.updateChannel, {
      params: { clientId, channelId: id },
      cookie,
      body: { handle: '@kyiv.coffee', formats: ['story'], version: 1 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.channel).toMatchObject({
      handle: '@kyiv.coffee',
      formats: ['story'],
      network: 'telegram',
    });
    expect(changed.body.channel.version).toBe(2);

    const removed = await api(t.app, endpoints.deleteChannel, {
      params: { clientId, channelId: id },
      cookie,
    });
    expect(removed.status).toBe(200);
    const after = await api(t.app, endpoints.listChannels, { params: { clientId }, cookie });
    expect(after.body.channels.map((c: { id: string }) => c.id)).toEqual([agency.client.channel.id]);
    expect(
      (await api(t.app, endpoints.deleteChannel, { params: { clientId, channelId: id }, cookie })).status,
    ).toBe(404);
  });

  it('refuses a stale channel version with 409 and keeps the channel as it was', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const clientId = agency.client.id;
    const channelId = agency.client.channel.id;
    expect(
      (
        await api(t.app, endpoints.updateChannel, {
          params: { clientId, channelId },
          cookie,
          body: { handle: '@first', version: 1 },
        })
      ).status,
    ).toBe(200);
    const stale = await api(t.app, endpoints.updateChannel, {
      params: { clientId, channelId },
      cookie,
      body: { handle: '@second', version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('stale_version');
    const list = await api(t.app, endpoints.listChannels, { params: { clientId: agency.client.id }, cookie });
    expect(list.body.channels[0]).toMatchObject({ handle: '@first', version: 2 });
  });

  it('answers 404 for a channel of another client, and leaves that channel alone', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const clientId = agency.client.id;
    const channelId = agency.otherClient.channel.id;
    const patch = await api(t.app, endpoints.updateChannel, {
      params: { clientId, channelId },
      cookie,
      body: { handle: '@hijacked', version: 1 },
    });
    expect(patch.status).toBe(404);
    expect(errorOf(patch).code).toBe('not_found');
    expect(
      (await api(t.app, endpoints.deleteChannel, { params: { clientId, channelId }, cookie })).status,
    ).toBe(404);
    const theirs = await api(t.app, endpoints.listChannels, {
      params: { clientId: agency.otherClient.id },
      cookie,
    });
    expect(theirs.body.channels).toEqual([expect.objectContaining({ handle: '@brand', version: 1 })]);
  });

  it('refuses an unknown network and an empty list of formats', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', `/api/clients/${agency.client.id}/channels`, {
      cookie: agency.contentManager.cookie,
      body: { network: 'myspace', handle: '@old', formats: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('network');
    expect(res.body.error.fields).toHaveProperty('formats');
  });

  it('a client approver reads channels but cannot change them', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await api(t.app, endpoints.createChannel, {
      params: { clientId: agency.client.id },
      cookie: agency.approver.cookie,
      body: { network: 'x', handle: '@brand', formats: ['text'] },
    });
    expect(res.status).toBe(403);
  });
});

describe('rubrics', () => {
  it('adds, lists, renames, recolours and removes a rubric', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const clientId = agency.client.id;
    const created = await api(t.app, endpoints.createRubric, {
      params: { clientId },
      cookie,
      body: { name: 'За лаштунками', color: '#3B82F6' },
    });
    expect(created.status).toBe(201);
    expect(created.body.rubric).toMatchObject({ name: 'За лаштунками', color: '#3b82f6', version: 1 });
    const id = created.body.rubric.id;

    const list = await api(t.app, endpoints.listRubrics, {
      params: { clientId },
      cookie: agency.creator.cookie,
    });
    expect(list.body.rubrics.map((r: { id: string }) => r.id)).toEqual([agency.client.rubric.id, id]);

    const changed = await api(t.app, endpoints.updateRubric, {
      params: { clientId, rubricId: id },
      cookie,
      body: { name: 'Behind the scenes', color: '#ff0000', version: 1 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.rubric).toMatchObject({ name: 'Behind the scenes', color: '#ff0000', version: 2 });

    expect(
      (await api(t.app, endpoints.deleteRubric, { params: { clientId, rubricId: id }, cookie })).status,
    ).toBe(200);
    const after = await api(t.app, endpoints.listRubrics, { params: { clientId }, cookie });
    expect(after.body.rubrics.map((r: { id: string }) => r.id)).toEqual([agency.client.rubric.id]);
  });

  it('refuses a stale rubric version with 409 and keeps the rubric as it was', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const clientId = agency.client.id;
    const rubricId = agency.client.rubric.id;
    expect(
      (
        await api(t.app, endpoints.updateRubric, {
          params: { clientId, rubricId },
          cookie,
          body: { color: '#111111', version: 1 },
        })
      ).status,
    ).toBe(200);
    const stale = await api(t.app, endpoints.updateRubric, {
      params: { clientId, rubricId },
      cookie,
      body: { color: '#222222', version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('stale_version');
    const list = await api(t.app, endpoints.listRubrics, { params: { clientId: agency.client.id }, cookie });
    expect(list.body.rubrics[0]).toMatchObject({ color: '#111111', version: 2 });
  });

  it('answers 404 for a rubric of another client', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const clientId = agency.client.id;
    const rubricId = agency.otherClient.rubric.id;
    expect(
      (
        await api(t.app, endpoints.updateRubric, {
          params: { clientId, rubricId },
          cookie,
          body: { name: 'Hijacked', version: 1 },
        })
      ).status,
    ).toBe(404);
    expect(
      (await api(t.app, endpoints.deleteRubric, { params: { clientId, rubricId }, cookie })).status,
    ).toBe(404);
    const theirs = await api(t.app, endpoints.listRubrics, {
      params: { clientId: agency.otherClient.id },
      cookie,
    });
    expect(theirs.body.rubrics).toEqual([expect.objectContaining({ name: 'Product', version: 1 })]);
  });

  it('refuses a colour that is not #rrggbb', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', `/api/clients/${agency.client.id}/rubrics`, {
      cookie: agency.contentManager.cookie,
      body: { name: 'Team', color: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('color');
  });
});

describe('activity', () => {
  it('records every change with its type, actor name and data', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const client = await createClient(agency, { name: 'Old name', timezone: 'Europe/Kyiv' });
    const clientId = client.id;
    await api(t.app, endpoints.updateClient, {
      params: { clientId },
      cookie,
      body: { name: 'New name', version: 1 },
    });
    const channel = await api(t.app, endpoints.createChannel, {
      params: { clientId },
      cookie,
      body: { network: 'instagram', handle: '@new', formats: ['reel'] },
    });
    await api(t.app, endpoints.updateChannel, {
      params: { clientId, channelId: channel.body.channel.id },
      cookie,
      body: { handle: '@newer', version: 1 },
    });
    const rubric = await api(t.app, endpoints.createRubric, {
      params: { clientId },
      cookie,
      body: { name: 'Team', color: '#00aa00' },
    });
    await api(t.app, endpoints.updateRubric, {
      params: { clientId, rubricId: rubric.body.rubric.id },
      cookie,
      body: { name: 'People', version: 1 },
    });
    await api(t.app, endpoints.deleteRubric, {
      params: { clientId, rubricId: rubric.body.rubric.id },
      cookie,
    });
    await api(t.app, endpoints.deleteChannel, {
      params: { clientId, channelId: channel.body.channel.id },
      cookie,
    });
    await api(t.app, endpoints.archiveClient, { params: { clientId }, cookie: agency.owner.cookie });

    const events = await eventsOf(agency.owner.cookie, client.id);
    expect(events.map((e) => e.type)).toEqual([
      'client.archived',
      'channel.deleted',
      'rubric.deleted',
      'rubric.updated',
      'rubric.created',
      'channel.updated',
      'channel.created',
      'client.updated',
      'client.created',
    ]);
    const byType = Object.fromEntries(events.map((e) => [e.type, e]));
    expect(byType['client.archived']?.actorName).toBe(agency.owner.name);
    for (const e of events.filter((e) => e.type !== 'client.archived')) {
      expect(e.actorName).toBe(agency.contentManager.name);
    }
    expect(byType['client.created']).toMatchObject({
      subjectType: 'client',
      subjectId: client.id,
      data: { name: 'Old name', timezone: 'Europe/Kyiv' },
    });
    expect(byType['client.updated']?.data).toEqual({
      changes: { name: { from: 'Old name', to: 'New name' } },
    });
    expect(byType['channel.updated']?.data).toEqual({ network: 'instagram', handle: '@newer' });
    expect(byType['rubric.updated']?.data).toEqual({ name: 'People', color: '#00aa00' });
    expect(byType['channel.deleted']?.subjectId).toBe(channel.body.channel.id);
  });

  it('pages newest first with before / nextBefore', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const client = await createClient(agency, { name: 'Edit 0' });
    for (let version = 1; version <= 4; version++) {
      const res = await api(t.app, endpoints.updateClient, {
        params: { clientId: client.id },
        cookie,
        body: { name: `Edit ${version}`, version },
      });
      expect(res.status).toBe(200);
    }
    const all = await eventsOf(cookie, client.id);
    expect(all).toHaveLength(5);

    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const query: { limit: number; before?: number } = before ? { limit: 2, before } : { limit: 2 };
      const page = await api(t.app, endpoints.listClientEvents, {
        params: { clientId: client.id },
        query,
        cookie,
      });
      expect(page.status).toBe(200);
      expect(page.body.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.events.map((e: EventView) => e.id));
      before = page.body.nextBefore;
      pages += 1;
    } while (before !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.map((e) => e.id));
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it("shows one client's events only, not its sibling's", async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    await api(t.app, endpoints.updateClient, {
      params: { clientId: agency.otherClient.id },
      cookie,
      body: { name: 'Sibling', version: 1 },
    });
    expect(await eventsOf(cookie, agency.client.id)).toEqual([]);
    expect(await eventsOf(cookie, agency.otherClient.id)).toHaveLength(1);
  });

  it('no event is written for a change that failed', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const clientId = agency.client.id;
    const base = `/api/clients/${agency.client.id}`;
    const failures = [
      await api(t.app, endpoints.updateClient, {
        params: { clientId },
        cookie,
        body: { name: 'x', version: 7 },
      }),
      await api(t.app, endpoints.updateChannel, {
        params: { clientId, channelId: agency.client.channel.id },
        cookie,
        body: { handle: '@x', version: 9 },
      }),
      await api(t.app, endpoints.updateRubric, {
        params: { clientId, rubricId: agency.client.rubric.id },
        cookie,
        body: { name: 'x', version: 9 },
      }),
      await api(t.app, endpoints.createChannel, {
        params: { clientId },
        cookie: agency.creator.cookie,
        body: { network: 'x', handle: '@x', formats: ['text'] },
      }),
      await raw(t.app, 'PATCH', base, { cookie, body: { timezone: 'Nowhere/Land', version: 1 } }),
    ];
    expect(failures.map((f) => f.status)).toEqual([409, 409, 409, 403, 400]);
    expect(await eventsOf(cookie, agency.client.id)).toEqual([]);
  });
});

describe('tenancy', () => {
  it('a client contact sees only their own client', async () => {
    const agency = await makeAgency(t.database.db);
    const list = await api(t.app, endpoints.listClients, { cookie: agency.approver.cookie });
    expect(list.status).toBe(200);
    expect(list.body.clients.map((c: { id: string }) => c.id)).toEqual([agency.client.id]);
    expect(list.body.clients[0]!.abilities).toEqual({ update: false, archive: false, manageContacts: false });
    const sibling = await api(t.app, endpoints.getClient, {
      params: { clientId: agency.otherClient.id },
      cookie: agency.approver.cookie,
    });
    expect(sibling.status).toBe(404);
    const siblingEvents = await api(t.app, endpoints.listClientEvents, {
      params: { clientId: agency.otherClient.id },
      cookie: agency.approver.cookie,
    });
    expect(siblingEvents.status).toBe(404);
  });

  it("another agency's client answers 404 everywhere and is left unchanged", async () => {
    const mine = await makeAgency(t.database.db);
    const theirs = await makeAgency(t.database.db);
    const cookie = mine.owner.cookie;
    const clientId = theirs.client.id;
    const answers = [
      await api(t.app, endpoints.getClient, { params: { clientId }, cookie }),
      await api(t.app, endpoints.updateClient, {
        params: { clientId },
        cookie,
        body: { name: 'Taken over', version: 1 },
      }),
      await api(t.app, endpoints.archiveClient, { params: { clientId }, cookie }),
      await api(t.app, endpoints.listChannels, { params: { clientId }, cookie }),
      await api(t.app, endpoints.createChannel, {
        params: { clientId },
        cookie,
        body: { network: 'x', handle: '@x', formats: ['text'] },
      }),
      await api(t.app, endpoints.updateChannel, {
        params: { clientId, channelId: theirs.client.channel.id },
        cookie,
        body: { handle: '@x', version: 1 },
      }),
      await api(t.app, endpoints.listRubrics, { params: { clientId }, cookie }),
      await api(t.app, endpoints.listClientEvents, { params: { clientId }, cookie }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(errorOf(res).code).toBe('not_found');
    }
    const list = await api(t.app, endpoints.listClients, { cookie });
    expect(list.body.clients.map((c: { id: string }) => c.id)).not.toContain(theirs.client.id);
    const intact = await api(t.app, endpoints.getClient, {
      params: { clientId },
      cookie: theirs.owner.cookie,
    });
    expect(intact.body.client).toMatchObject({ name: theirs.client.name, version: 1, archived: false });
    expect(await eventsOf(theirs.owner.cookie, theirs.client.id)).toEqual([]);
  });

  it('a made-up client id answers 404 and a malformed one 400', async () => {
    const agency = await makeAgency(t.database.db);
    const missing = await api(t.app, endpoints.getClient, {
      params: { clientId: '00000000-0000-4000-8000-000000000000' },
      cookie: agency.owner.cookie,
    });
    expect(missing.status).toBe(404);
    const malformed = await raw(t.app, 'GET', '/api/clients/not-a-uuid', { cookie: agency.owner.cookie });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation_failed');
  });
});

describe('default stage deadlines', () => {
  it('are edited on the client and used by the next cycle it starts', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.contentManager.cookie;
    const current = (
      await api(t.app, endpoints.getClient, { params: { clientId: agency.client.id }, cookie })
    ).body.client;
    expect(current.stageDays).toEqual({ preparation: 20, meeting: 23, facts: 26, content: 30 });
    const stageDays = { preparation: 10, meeting: 15, facts: 20, content: 31 };
    const res = await api(t.app, endpoints.updateClient, {
      params: { clientId: agency.client.id },
      cookie,
      body: { stageDays, version: current.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.client.stageDays).toEqual(stageDays);
    const cycle = await api(t.app, endpoints.startCycle, {
      params: { clientId: agency.client.id },
      cookie,
      body: { month: '2027-03' },
    });
    // February 2027 has 28 days: "31" means its last day.
    expect(cycle.body.cycle.deadlines).toMatchObject({
      preparation: '2027-02-10',
      meeting: '2027-02-15',
      facts: '2027-02-20',
      content: '2027-02-28',
    });
    const bad = await raw(t.app, 'PATCH', `/api/clients/${agency.client.id}`, {
      cookie,
      body: { stageDays: { ...stageDays, meeting: 32 }, version: res.body.client.version },
    });
    expect(bad.status).toBe(400);
  });
});
