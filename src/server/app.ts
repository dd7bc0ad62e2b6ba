import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { allEndpoints, endpoints } from '../shared/api/catalogue.ts';
import { createCollab } from './collab/server.ts';
import type { App, Context } from './context.ts';
import type { Database } from './db/connect.ts';
import { type Env, proxyTrust } from './env.ts';
import { startReminderWorker } from './facts/reminders.ts';
import { storageFromEnv } from './files/fromEnv.ts';
import type { FileStorage } from './files/storage.ts';
import { isApiRequest } from './http/apiRequest.ts';
import { clientKey } from './http/clientKey.ts';
import { registerCompression } from './http/compression.ts';
import { closeSockets, watchRequestsForStop } from './http/gracefulStop.ts';
import { completeOpenApi } from './http/openapi.ts';
import { route, watchRoutes } from './http/route.ts';
import { redactSecretUrl } from './http/secretUrls.ts';
import { createInProcessBus, type LiveBus } from './live/bus.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { type MailQueue, startMailWorker } from './mail/worker.ts';
import { MeetingRooms } from './meetings/room.ts';
import { startEmailWorker } from './notifications/emails.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerCsrfCheck } from './plugins/csrf.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './plugins/errors.ts';
import { registerWeb } from './plugins/web.ts';
import { sendApprovalReminders } from './posts/approvalReminders.ts';
import { startMonthCloser } from './posts/closeMonths.ts';
import { routeModules } from './routes/index.ts';
import { plitVersion as version } from './version.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildOptions {
  env: Env;
  database: Database;
  mailer?: Mailer;
  /** Live fan-out; in-process unless the caller passes a Redis bus. */
  live?: LiveBus;
  /** Where the built web app lives; tests that need no pages skip it. */
  webRoot?: string | null;
  logger?: boolean;
  /** Where logs go instead of stdout (a test reads what the log says). */
  logStream?: NodeJS.WritableStream;
  /** Background work (fact reminders); the server process runs it, in-process tests do not. */
  workers?: boolean;
  /** Uploaded files, already checked at start-up; else the store the environment names. */
  files?: FileStorage;
}

export async function buildApp(options: BuildOptions): Promise<App> {
  const { env, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: env.LOG_LEVEL,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // A request line may carry a link's secret (/magic/…, ?token=…): logs show it redacted.
            serializers: {
              req: (request: FastifyRequest) => ({
                method: request.method,
                url: redactSecretUrl(request.url),
                host: request.host,
                remoteAddress: request.ip,
                remotePort: request.socket?.remotePort,
              }),
            },
          },
    bodyLimit: 1024 * 1024,
    trustProxy: proxyTrust(env.TRUST_PROXY),
    // Routes and their zod schemas are the API: a stray trailing slash should still find them.
    routerOptions: { ignoreTrailingSlash: true },
    // During a stop, requests arriving on kept-alive connections are answered by gracefulStop's
    // hook (served within the grace, then 503 server_stopping), not Fastify's bare 503.
    return503OnClosing: false,
    // Errors Fastify and Node answer before our error handler runs, in our shape too.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('httpsOnly', env.publicUrl.startsWith('https://'));
  app.decorate('idempotencyDb', database.db);
  watchRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  watchRequestsForStop(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // The exact socket origin, not any host's ws:/wss:: a script slipped in cannot talk elsewhere.
        connectSrc: ["'self'", ...env.socketOrigins],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Plit is same-origin only; no page of another site should embed or read it.
    crossOriginEmbedderPolicy: false,
  });
  await registerCompression(app);
  await app.register(fastifyCookie);
  // As large as a request body: a shared-notes edit (a long paste, an offline session's catch-up)
  // arrives as one frame, and a bigger one would be refused and resent forever.
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 1024 * 1024 },
    // Sockets still open when the app closes go with "going away" (not the bare close its default
    // sends, which browsers see as 1005): pages reconnect at once.
    preClose(done) {
      closeSockets(app);
      // As the default does: stop taking upgrades, and do not wait for every client's answer.
      app.websocketServer.close();
      done();
    },
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: 600,
    timeWindow: '1 minute',
    allowList: (request) => !isApiRequest(request),
    keyGenerator: (request) => clientKey(request.ip),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: {
        code: 'rate_limited',
        message: `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
      },
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      // 3.1: JSON Schema as it is, so a nullable union is `anyOf` with null, not a 3.0 extension.
      openapi: '3.1.0',
      info: {
        title: 'Plit API',
        version,
        description:
          'JSON REST API of Plit. Authenticate with POST /api/auth/login; the session is a cookie. ' +
          'Errors are { "error": { "code", "message", "fields"? } }.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'plit_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) =>
      completeOpenApi('openapiObject' in document ? document.openapiObject : {}, allEndpoints, env.publicUrl),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  route(app, endpoints.getOpenApiDocument, async (_request, reply) => reply.send(app.swagger()));

  // Spreadsheet imports arrive as raw bytes: their encoding is detected later, not assumed here.
  app.addContentTypeParser(
    ['text/csv', 'application/vnd.ms-excel', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  // Uploads stream to storage; nothing is buffered, and a part over the limit stops the read.
  await app.register(fastifyMultipart, {
    limits: { fileSize: env.maxUploadBytes, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
  });
  registerCsrfCheck(app, env.trustedOrigins);
  registerAuth(app, database.db);
  // API answers are one person's data: no shared cache (a proxy, a kiosk's browser) may keep them.
  // A route that means otherwise (a calendar feed) says so itself.
  app.addHook('onSend', async (request, reply) => {
    if (isApiRequest(request) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const live = options.live ?? createInProcessBus();
  const meetingRooms = new MeetingRooms(database.db, live, app.log);
  app.addHook('onClose', () => meetingRooms.close());
  // Replaced by the running worker's wake below, when this process runs workers.
  const mailQueue: MailQueue = { wake: () => {} };
  const ctx: Context = {
    db: database.db,
    dbKind: database.kind,
    env,
    mailer:
      options.mailer ??
      createMailer(database.db, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, log: app.log }),
    mailQueue,
    live,
    meetingRooms,
    files: options.files ?? storageFromEnv(env),
    collab: createCollab({ db: database.db, redisUrl: env.REDIS_URL, log: app.log }),
    log: app.log,
    version,
  };
  // After @fastify/websocket has closed the sockets: let the last writes finish.
  app.addHook('onClose', () => ctx.collab.close());
  app.addHook('onClose', () => ctx.files.close());
  // A meeting that ended takes its notes' open editors with it, in every process; they
  // reconnect and are let back in read-only.
  live.onControl('collab-close', (name) => ctx.collab.hocuspocus.closeConnections(name));
  if (options.workers && env.REMINDER_EVERY_SECONDS > 0) {
    const stop = startReminderWorker(ctx, env.REMINDER_EVERY_SECONDS * 1000, [
      { name: 'approval reminders', send: sendApprovalReminders },
    ]);
    app.addHook('onClose', async () => stop());
  }
  if (options.workers && env.EMAIL_EVERY_SECONDS > 0) {
    const stop = startEmailWorker(ctx, env.EMAIL_EVERY_SECONDS * 1000);
    app.addHook('onClose', async () => stop());
  }
  if (options.workers && env.MAIL_QUEUE_EVERY_SECONDS > 0) {
    const worker = startMailWorker(ctx, env.MAIL_QUEUE_EVERY_SECONDS * 1000);
    mailQueue.wake = worker.wake;
    app.addHook('onClose', async () => worker.stop());
  }
  if (options.workers) {
    const stop = startMonthCloser(ctx, 15 * 60 * 1000);
    app.addHook('onClose', async () => stop());
  }
  await app.register(async (api) => {
    for (const register of routeModules) register(api as unknown as App, ctx);
  });

  const webRoot = options.webRoot === undefined ? path.join(root, 'dist', 'web') : options.webRoot;
  if (webRoot) await registerWeb(app, webRoot);
  return app;
}
