import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Collab } from './collab/server.ts';
import type { Db, EngineKind } from './db/connect.ts';
import type { Env } from './env.ts';
import type { FileStorage } from './files/storage.ts';
import type { LiveBus } from './live/bus.ts';
import type { Mailer } from './mail/mailer.ts';
import type { MailQueue } from './mail/worker.ts';
import type { MeetingRooms } from './meetings/room.ts';

/** What every route module is given: no globals, so tests build as many apps as they like. */
export interface Context {
  db: Db;
  dbKind: EngineKind;
  env: Env;
  mailer: Mailer;
  /** Wakes the mail worker after a link request; does nothing where no worker runs (tests). */
  mailQueue: MailQueue;
  live: LiveBus;
  /** Presence and the facilitator's focus: the meeting's fast lane. */
  meetingRooms: MeetingRooms;
  /** Shared documents (meeting notes, post copies): Hocuspocus, persisted in collab_documents and collab_updates. */
  collab: Collab;
  /** Uploaded files (fact request answers): local disk by default, behind one interface. */
  files: FileStorage;
  log: FastifyBaseLogger;
  version: string;
}

/** What background work needs: no HTTP server, so a test can run two of them on one database. */
export type WorkContext = Pick<Context, 'db' | 'env' | 'mailer' | 'live' | 'log'>;

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type RouteModule = (app: App, ctx: Context) => void;
