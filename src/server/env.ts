import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Vite's dev server (`npm run dev:web`): in development its pages call the API through its proxy. */
const devServerOrigin = 'http://localhost:5173';

/** Names proxy-addr (Fastify's `trustProxy`) knows for whole ranges of addresses. */
const proxyRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (proxyRanges.has(entry) || isIP(entry) !== 0) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0 || !prefix || !/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies may say who the client is (X-Forwarded-For) and whether it came over https:
 * none, a number of hops (`1`: one reverse proxy in front; its own X-Forwarded-For entry is the
 * client, whatever the client wrote before it), or the proxies' addresses. `true`/`yes` mean one
 * hop: trusting every hop would let any client pick its own address.
 */
const proxyTrustSetting = z
  .string()
  .optional()
  .transform((value, ctx): false | number | string[] => {
    const text = value?.trim() ?? '';
    if (['', '0', 'false', 'no'].includes(text)) return false;
    if (['true', 'yes'].includes(text)) return 1;
    if (/^\d+$/.test(text)) return Number(text) || false;
    const entries = text.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (wrong.length === 0) return entries;
    ctx.addIssue({
      code: 'custom',
      message:
        'must be a number of proxies in front of Plit (1: one reverse proxy) or a comma-separated ' +
        `list of their addresses (10.0.0.5, 10.0.0.0/8, loopback); not ${wrong.map((w) => `"${w}"`).join(', ')}`,
    });
    return z.NEVER;
  });

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['1', 'true', 'yes'].includes(v)));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .optional()
    .describe('Address people use to reach Plit; emailed links start with it, and only its pages may write.'),
  PLIT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  REDIS_URL: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Plit <no-reply@plit.local>'),
  // Unset: on for a server only this machine can reach (see loadEnv), off for any other.
  PLIT_DEMO: flag,
  TRUST_PROXY: proxyTrustSetting,
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REMINDER_EVERY_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(86_400)
    .default(300)
    .describe('How often each process looks for due fact reminders; 0 turns it off.'),
  EMAIL_EVERY_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(60)
    .describe(
      'How often each process mails pending notifications (at once, or the daily digest); 0 turns it off.',
    ),
  MAIL_QUEUE_EVERY_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(5)
    .describe(
      'How often each process sends queued emails (retries, and any a crash left) and handles sign-in and reset link requests; 0 turns it off.',
    ),
  SHUTDOWN_GRACE_SECONDS: z.coerce
    .number()
    .min(0)
    .max(3600)
    .default(10)
    .describe(
      'On SIGTERM/SIGINT, how long requests in flight may take to finish; uploads still arriving after it are answered 503 and retried.',
    ),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(25),
  // Uploaded files go to an S3-compatible bucket when S3_BUCKET is set, else to the data folder.
  S3_BUCKET: z
    .string()
    .min(1)
    .optional()
    .describe('Bucket for uploaded files; unset: files stay in the data folder (one node only).'),
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .optional()
    .describe('S3-compatible server (MinIO, Garage, Ceph, R2); unset: AWS S3 of S3_REGION.'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: flag.describe('Address the bucket as a path (MinIO, Ceph, Garage need it).'),
  // Newer AWS SDKs add CRC checksums to every request; many S3-compatible servers refuse or
  // mangle them (aws-chunked bodies), so by default only requests S3 requires them on get them.
  S3_CHECKSUMS: z.enum(['when_required', 'when_supported']).default('when_required'),
  S3_PREFIX: z
    .string()
    .regex(/^([a-z0-9][a-z0-9_-]*\/)+$/, 'must be folder names ending in "/", e.g. plit/')
    .optional()
    .describe("Folder inside the bucket for Plit's files, when the bucket is shared."),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = Omit<z.infer<typeof schema>, 'PLIT_DEMO'> & {
  /** Seed the demo agencies (shared, printed passwords) into an empty database. */
  PLIT_DEMO: boolean;
  dataDir: string;
  publicUrl: string;
  maxUploadBytes: number;
  /**
   * Origins of Plit's own pages: a write (CSRF check) or a socket from a page of any other
   * origin is refused. Never derived from the request's Host header, which a DNS-rebinding
   * page controls.
   */
  trustedOrigins: string[];
  /** Where Plit's pages open their sockets (ws:// or wss:// of their origins): the CSP's connect-src. */
  socketOrigins: string[];
};

/** Loopback addresses only reach this machine: a page on another machine cannot reach them. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare.startsWith('::ffff:127.');
}

const originOf = (url: string) => new URL(url).origin;

/** Read and check the environment once at start-up; a bad value stops Plit with a clear message. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  const stop = (lines: string[]) =>
    new Error(`Plit cannot start, the environment has errors:\n${lines.join('\n')}`);
  if (!parsed.success) throw stop(parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`));
  const env = parsed.data;
  const s3Settings = Object.keys(source).filter((k) => k.startsWith('S3_') && source[k]);
  if (!env.S3_BUCKET && s3Settings.length > 0) {
    // Without the bucket the files would quietly go to the data folder: say so instead.
    throw stop([
      `  S3_BUCKET: required because ${s3Settings.join(', ')} ${s3Settings.length > 1 ? 'are' : 'is'} set.`,
    ]);
  }
  if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
    throw stop([
      '  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both, or neither (the AWS SDK then finds them itself).',
    ]);
  }
  // Without PUBLIC_URL, Plit cannot know the address people use; it only trusts this machine's
  // own loopback addresses then, which a page on another machine cannot stand in for.
  if (!env.PUBLIC_URL && (!isLoopback(env.HOST) || env.TRUST_PROXY !== false)) {
    const why =
      env.TRUST_PROXY !== false ? 'TRUST_PROXY is set' : `HOST=${env.HOST} is not a loopback address`;
    throw stop([
      `  PUBLIC_URL: required because ${why}. Set it to the address people open Plit at ` +
        '(e.g. PUBLIC_URL=https://plit.example.com): only pages of that address may write or open live connections.',
    ]);
  }
  const host = isIP(env.HOST) === 6 ? `[${env.HOST}]` : env.HOST;
  const publicUrl = (env.PUBLIC_URL ?? `http://${host}:${env.PORT}`).replace(/\/$/, '');
  const own = env.PUBLIC_URL
    ? [originOf(publicUrl)]
    : [
        ...new Set(
          [publicUrl, 'localhost', '127.0.0.1', '[::1]'].map((h) =>
            originOf(h.includes('://') ? h : `http://${h}:${env.PORT}`),
          ),
        ),
      ];
  // Only this machine can reach a loopback HOST without a proxy: the demo's shared passwords are
  // harmless there. Reachable by others, the demo must be asked for (main.ts warns then).
  const onlyThisMachine = isLoopback(env.HOST) && env.TRUST_PROXY === false;
  return {
    ...env,
    PLIT_DEMO: env.PLIT_DEMO ?? onlyThisMachine,
    dataDir: path.resolve(env.PLIT_DATA_DIR),
    maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024,
    publicUrl,
    trustedOrigins: env.NODE_ENV === 'development' ? [...own, devServerOrigin] : own,
    socketOrigins: own.map((origin) => origin.replace(/^http/, 'ws')),
  };
}

/**
 * Fastify's `trustProxy` for the TRUST_PROXY setting. A hop count becomes a function: Fastify
 * given a bare number trusts no hop at all (it cannot check the peer), so X-Forwarded-Proto
 * would be ignored behind the one proxy the operator told us about.
 */
export function proxyTrust(
  setting: Env['TRUST_PROXY'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (setting === false) return false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
