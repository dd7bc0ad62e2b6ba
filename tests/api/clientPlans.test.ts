import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { api, raw } from '../support/http.ts';
import { makeCycle } from '../support/planning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("the client's plans and their contingencies", () => {
  it('a contact adds a plan with a window to a shared plan, the agency prepares a "what if" for it', async () => {
    const agency = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency, '2026-12', true);
    const contact = agency.approver.cookie;
    const created = await api(t.app, endpoints.createClientPlan, {
      params: { cycleId: cycle.id },
      cookie: contact,
      body: {
        title: 'Виступ на конференції',
        startsOn: '2026-12-10',
        endsOn: '2026-12-12',
        likelihood: 'maybe',
        notes: 'Ще не підтверджено',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.plan).toMatchObject({
      likelihood: 'maybe',
      authorName: agency.approver.name,
      contingencies: [],
    });

    const what = await api(t.app, endpoints.createContingency, {
      params: { planId: created.body.plan.id },
      cookie: agency.contentManager.cookie,
      body: {
        concept: 'Пост із фото зі сцени',
        trigger: 'Якщо виступ підтвердять',
        channelId: agency.client.channel.id,
        format: 'post',
      },
    });
    expect(what.status).toBe(201);
    const list = await api(t.app, endpoints.listClientPlans, {
      params: { cycleId: cycle.id },
      cookie: contact,
    });
    expect(list.body.plans).toHaveLength(1);
    expect(list.body.plans[0]!.contingencies).toEqual([
      expect.objectContaining({ concept: 'Пост із фото зі сцени', format: 'post' }),
    ]);
  });

  it('keeps an unshared plan from the contact, and refuses a window that ends before it starts', async () => {
    const agency = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency, '2026-12', false);
    const hidden = await api(t.app, endpoints.createClientPlan, {
      params: { cycleId: cycle.id },
      cookie: agency.approver.cookie,
      body: { title: 'X', likelihood: 'certain' },
    });
    expect(hidden.status).toBe(404);
    // A window that ends before it starts must fail validation: sent as it is, past the catalogue.
    const backwards = await raw(t.app, 'POST', `/api/cycles/${cycle.id}/client-plans`, {
      cookie: agency.contentManager.cookie,
      body: { title: 'Розпродаж', startsOn: '2026-12-20', endsOn: '2026-12-10', likelihood: 'likely' },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toHaveProperty('endsOn');
  });

  it('answers a stale edit with 409 and refuses another client’s channel for a contingency', async () => {
    const agency = await makeAgency(t.database.db);
    const other = await makeAgency(t.database.db);
    const cycle = await makeCycle(t.database.db, agency, '2026-12', true);
    const cm = agency.contentManager.cookie;
    const plan = (
      await api(t.app, endpoints.createClientPlan, {
        params: { cycleId: cycle.id },
        cookie: cm,
        body: { title: 'Запуск', likelihood: 'likely' },
      })
    ).body.plan;
    expect(
      (
        await api(t.app, endpoints.updateClientPlan, {
          params: { planId: plan.id },
          cookie: cm,
          body: { likelihood: 'certain', version: 1 },
        })
      ).status,
    ).toBe(200);
    const stale = await api(t.app, endpoints.updateClientPlan, {
      params: { planId: plan.id },
      cookie: agency.approver.cookie,
      body: { likelihood: 'maybe', version: 1 },
    });
    expect(stale.status).toBe(409);
    // Another client's channel must fail validation: sent as it is, past the catalogue.
    const foreign = await raw(t.app, 'POST', `/api/client-plans/${plan.id}/contingencies`, {
      cookie: cm,
      body: { concept: 'Пост', channelId: other.client.channel.id },
    });
    expect(foreign.status).toBe(400);
  });
});
