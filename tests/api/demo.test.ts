import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { call } from '../support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemo(t.database.db)).toBe(true);
});
afterAll(() => t.close());

async function logIn(email: string) {
  const res = await call(t.app, 'POST', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('the demo', () => {
  it("shows Kyiv Coffee's next month shared, with the client's plans and a meeting in two days", async () => {
    const cookie = await logIn('marketing@kyivcoffee.demo');
    const { clients } = (await call(t.app, 'GET', '/api/clients', { cookie })).body;
    const coffee = clients.find((c: { name: string }) => c.name === 'Kyiv Coffee Roasters');
    const { cycles } = (await call(t.app, 'GET', `/api/clients/${coffee.id}/cycles`, { cookie })).body;
    const next = cycles.find((c: { stage: string }) => c.stage === 'preparation');
    expect(next.shared).toBe(true);
    const { meeting } = (await call(t.app, 'GET', `/api/cycles/${next.id}/meeting`, { cookie })).body;
    expect(meeting).toMatchObject({ status: 'scheduled', format: 'online', time: '11:00' });
    expect(meeting.agenda).toHaveLength(6);
    expect(meeting.participants.map((p: { side: string }) => p.side)).toContain('client');
    expect(meeting.questions).toHaveLength(1);
    const { plans } = (await call(t.app, 'GET', `/api/cycles/${next.id}/client-plans`, { cookie })).body;
    expect(plans).toHaveLength(3);
    expect(plans.flatMap((p: { contingencies: unknown[] }) => p.contingencies)).toHaveLength(1);
  });

  it('lets the demo content manager start that meeting: the plan is ready for it', async () => {
    const cookie = await logIn('cm@plit.demo');
    const { clients } = (await call(t.app, 'GET', '/api/clients', { cookie })).body;
    const coffee = clients.find((c: { name: string }) => c.name === 'Kyiv Coffee Roasters');
    const { cycles } = (await call(t.app, 'GET', `/api/clients/${coffee.id}/cycles`, { cookie })).body;
    const next = cycles.find((c: { stage: string }) => c.stage === 'preparation');
    const { meeting } = (await call(t.app, 'GET', `/api/cycles/${next.id}/meeting`, { cookie })).body;
    const started = await call(t.app, 'POST', `/api/meetings/${meeting.id}/start`, {
      cookie,
      body: { version: meeting.version },
    });
    expect(started.status).toBe(200);
    expect(started.body.meeting.abilities).toMatchObject({ run: true, focus: true, decide: true });
  });
});
