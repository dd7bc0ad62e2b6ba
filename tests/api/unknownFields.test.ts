import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, PASSWORD } from '../support/factories.ts';
import { api, raw } from '../support/http.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// On c553c9c these bodies were accepted: zod dropped the unknown key, so a typo answered 200
// and changed nothing (or the wrong thing) without a word.
describe('a body field the endpoint does not know', () => {
  it('a typo in a client change answers 400 naming it, and changes nothing', async () => {
    const agency = await makeAgency(t.database.db);
    const clientId = agency.client.id;
    const url = `/api/clients/${clientId}`;
    const cookie = agency.contentManager.cookie;
    const res = await raw(t.app, 'PATCH', url, { cookie, body: { nmae: 'Renamed', version: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toBe('nmae: Unknown field');
    expect(res.body.error.fields).toEqual({ nmae: 'Unknown field' });
    const after = await api(t.app, endpoints.getClient, { params: { clientId }, cookie });
    expect(after.body.client).toMatchObject({ name: agency.client.name, version: 1 });
    const events = await api(t.app, endpoints.listClientEvents, { params: { clientId }, cookie });
    expect(events.body.events.filter((e: { type: string }) => e.type === 'client.updated')).toEqual([]);
  });

  it('is refused inside nested objects too (the reminder days of a client)', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'PATCH', `/api/clients/${agency.client.id}`, {
      cookie: agency.contentManager.cookie,
      body: { factReminders: { before: [1], after: [2], overdue: [3] }, version: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toEqual({ 'factReminders.overdue': 'Unknown field' });
  });

  it('is refused on a public endpoint (login) before any password is checked', async () => {
    const agency = await makeAgency(t.database.db);
    const res = await raw(t.app, 'POST', '/api/auth/login', {
      body: { email: agency.owner.email, password: PASSWORD, rememberMe: true },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ rememberMe: 'Unknown field' });
    expect(res.cookie).toBeNull();
  });

  it('is refused on notification settings, which keep what they were', async () => {
    const agency = await makeAgency(t.database.db);
    const cookie = agency.creator.cookie;
    const url = '/api/me/notification-settings';
    const res = await raw(t.app, 'PUT', url, { cookie, body: { email: 'off', digestHour: 9 } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ digestHour: 'Unknown field' });
    expect((await api(t.app, endpoints.getNotificationSettings, { cookie })).body).toEqual({
      email: 'instant',
    });
  });
});
