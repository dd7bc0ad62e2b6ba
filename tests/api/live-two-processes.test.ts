import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/context.ts';
import type { Database } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { loadEnv } from '../../src/server/env.ts';
import { createRedisBus, type LiveBus } from '../../src/server/live/bus.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { engines } from '../support/engines.ts';
import { makeAgency, signIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { listen, openLive } from '../support/live.ts';
import { makePlanForMeeting } from '../support/meetings.ts';

const postgres = engines().find((e) => e.name === 'postgres');
const redisUrl = process.env.TEST_REDIS_URL;

/**
 * Two server processes behind a load balancer serve one plan: each has its own database
 * pool and its own Redis connections; they share only PostgreSQL and Redis.
 */
describe.skipIf(!postgres || !redisUrl)(
  'live updates across two server processes (PostgreSQL + Redis)',
  () => {
    let database: Database;
    let dispose: () => Promise<void>;
    const servers: Array<{ app: App; bus: LiveBus; host: string }> = [];

    beforeAll(async () => {
      ({ database, dispose } = await postgres!.open());
      await migrate(database);
      for (let i = 0; i < 2; i++) {
        const bus = await createRedisBus(redisUrl!);
        const app = await buildApp({
          env: loadEnv({ NODE_ENV: 'test', PUBLIC_URL: 'http://plit.test', LOG_LEVEL: 'silent' }),
          database,
          live: bus,
          webRoot: null,
          logger: false,
        });
        servers.push({ app, bus, host: await listen(app) });
      }
    });
    afterAll(async () => {
      for (const s of servers) {
        await s.app.close();
        await s.bus.close();
      }
      await dispose();
    });

    it('[L5][L1] a change made through one process reaches a browser connected to the other, in order', async () => {
      const [a, b] = servers;
      const agency = await makeAgency(database.db);
      const room = `client:${agency.client.id}:team`;
      const onA = await openLive(a!.host, agency.owner.cookie);
      const onB = await openLive(b!.host, agency.creator.cookie);
      const start = (await onA.subscribe(room)).seq as number;
      expect((await onB.subscribe(room)).seq).toBe(start);

      for (const name of ['Один', 'Два', 'Три']) {
        const res = await api(b!.app, endpoints.createRubric, {
          params: { clientId: agency.client.id },
          cookie: agency.contentManager.cookie,
          body: { name, color: '#445566' },
        });
        expect(res.status).toBe(201);
      }
      for (const live of [onA, onB]) {
        await live.next((f) => f.type === 'event' && f.seq === start + 3);
        const events = live.frames.filter((f) => f.type === 'event');
        expect(events.map((f) => f.seq)).toEqual([start + 1, start + 2, start + 3]);
        expect(events.map((f) => (f.event as { data: { name: string } }).data.name)).toEqual([
          'Один',
          'Два',
          'Три',
        ]);
        live.close();
      }
    });

    it('[A3] removing a member through one process closes their socket on the other', async () => {
      const [a, b] = servers;
      const agency = await makeAgency(database.db);
      const onA = await openLive(a!.host, agency.creator.cookie);
      expect((await onA.subscribe(`client:${agency.client.id}:team`)).type).toBe('subscribed');
      const res = await api(b!.app, endpoints.removeMember, {
        params: { userId: agency.creator.id },
        cookie: agency.owner.cookie,
      });
      expect(res.status).toBe(200);
      expect((await onA.closed).code).toBe(4401);
    });
    it("[A4] logging out through one process closes that session's socket on the other, and only that one", async () => {
      const [a, b] = servers;
      const agency = await makeAgency(database.db);
      const leaving = await signIn(database.db, agency.creator.id);
      const onA = await openLive(a!.host, leaving);
      const staying = await openLive(a!.host, agency.creator.cookie);
      const room = `client:${agency.client.id}:team`;
      expect((await onA.subscribe(room)).type).toBe('subscribed');
      expect((await staying.subscribe(room)).type).toBe('subscribed');
      expect((await api(b!.app, endpoints.logOut, { cookie: leaving })).status).toBe(200);
      expect((await onA.closed).code).toBe(4401);
      staying.send({ type: 'ping' });
      expect(await staying.next((f) => f.type === 'pong')).toMatchObject({ type: 'pong' });
      staying.close();
    });
    it('[L5][M1] one meeting across two processes: presence merges, focus and hand-over reach both', async () => {
      const [a, b] = servers;
      const agency = await makeAgency(database.db);
      const plan = await makePlanForMeeting(database.db, agency);
      const created = await api(a!.app, endpoints.scheduleMeeting, {
        params: { cycleId: plan.cycle.id },
        cookie: agency.contentManager.cookie,
        body: { format: 'online', date: '2026-11-27', participantIds: [] },
      });
      const started = await api(a!.app, endpoints.startMeeting, {
        params: { meetingId: created.body.meeting.id },
        cookie: agency.contentManager.cookie,
        body: { version: 1 },
      });
      const meeting = started.body.meeting;
      const room = `meeting:${meeting.id}`;
      const facilitator = await openLive(a!.host, agency.contentManager.cookie);
      const client = await openLive(b!.host, agency.approver.cookie);
      await facilitator.subscribe(room);
      await client.subscribe(room);
      for (const live of [facilitator, client]) {
        await live.next(
          (f) =>
            f.type === 'presence' &&
            (f.people as Array<{ state: string }>).filter((p) => p.state === 'online').length === 2,
        );
      }
      facilitator.send({ type: 'focus', meetingId: meeting.id, itemId: null, topicId: plan.topics[1]!.id });
      await client.next(
        (f) => f.type === 'focus' && (f.focus as { topicId: string }).topicId === plan.topics[1]!.id,
      );

      // Handed over through process B: process A refuses the old facilitator straight away.
      const handed = await api(b!.app, endpoints.handOverFacilitator, {
        params: { meetingId: meeting.id },
        cookie: agency.owner.cookie,
        body: { userId: agency.owner.id, version: meeting.version },
      });
      expect(handed.status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
      facilitator.send({ type: 'focus', meetingId: meeting.id, itemId: null, topicId: plan.topics[2]!.id });
      expect(await facilitator.next((f) => f.type === 'error')).toMatchObject({ about: 'focus' });
      facilitator.close();
      client.close();
    });
  },
);
