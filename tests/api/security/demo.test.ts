import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/server/env.ts';

// The probe of issue 14 found the demo agencies (one printed password for all) seeded by default
// on a server anyone could reach: a stranger signed in as the demo agency's owner.
describe('[14.V2] the demo is seeded by default only where no one else can reach Plit', () => {
  it('[14.V2] on a loopback HOST without a proxy the demo is on unless turned off', () => {
    expect(loadEnv({}).PLIT_DEMO).toBe(true);
    expect(loadEnv({ HOST: '127.0.0.1' }).PLIT_DEMO).toBe(true);
    expect(loadEnv({ PLIT_DEMO: '0' }).PLIT_DEMO).toBe(false);
  });

  it('[14.V2] on a public HOST or behind a proxy it is off unless asked for', () => {
    const publicUrl = 'https://plit.example.com';
    expect(loadEnv({ HOST: '0.0.0.0', PUBLIC_URL: publicUrl }).PLIT_DEMO).toBe(false);
    expect(loadEnv({ TRUST_PROXY: '1', PUBLIC_URL: publicUrl }).PLIT_DEMO).toBe(false);
    expect(loadEnv({ HOST: '0.0.0.0', PUBLIC_URL: publicUrl, PLIT_DEMO: '1' }).PLIT_DEMO).toBe(true);
  });
});
