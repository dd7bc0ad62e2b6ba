import path from 'node:path';
import { z } from 'zod';

const flag = (fallback: boolean) =>
  z
    .enum(['0', '1', 'true', 'false', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes'].includes(v)));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_URL: z.url().optional().describe('Address people use to reach Plit; emailed links start with it.'),
  PLIT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  REDIS_URL: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Plit <no-reply@plit.local>'),
  PLIT_DEMO: flag(true),
  TRUST_PROXY: flag(false),
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
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(25),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof schema> & { dataDir: string; publicUrl: string; maxUploadBytes: number };

/** Read and check the environment once at start-up; a bad value stops Plit with a clear message. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Plit cannot start, the environment has errors:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  return {
    ...env,
    dataDir: path.resolve(env.PLIT_DATA_DIR),
    maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024,
    publicUrl: (env.PUBLIC_URL ?? `http://${shownHost}:${env.PORT}`).replace(/\/$/, ''),
  };
}
