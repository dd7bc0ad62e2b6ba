import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../src/server/plugins/errors.ts';

describe('what a failed query leaves in the log', () => {
  it('[16.3] a request whose query fails logs the database reason and the query, never its parameters', async () => {
    let logged = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    const app = Fastify({ logger: { level: 'error', stream } });
    registerErrorHandling(app);
    app.get('/boom', async () => {
      const cause = Object.assign(new Error('value too long for type character varying(320)'), {
        code: '22001',
      });
      throw new DrizzleQueryError(
        'insert into "users" ("email", "password_hash") values ($1, $2)',
        ['someone@plit.test', '$argon2id$v=19$m=19456,t=2,p=1$secret-hash'],
        cause,
      );
    });
    const res = await app.inject({ method: 'GET', url: '/boom' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(logged).toContain('value too long for type character varying(320)');
    expect(logged).toContain('22001');
    expect(logged).toContain('insert into \\"users\\"');
    expect(logged).not.toContain('secret-hash');
    expect(logged).not.toContain('someone@plit.test');
  });
});
