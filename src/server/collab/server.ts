import { Redis } from '@hocuspocus/extension-redis';
import { type Extension, Hocuspocus } from '@hocuspocus/server';
import type { FastifyBaseLogger } from 'fastify';
import * as Y from 'yjs';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/connect.ts';
import { notesAccess } from '../meetings/notesAccess.ts';
import { checkCopyWritable, copyAccess, syncCopy } from '../posts/copySync.ts';
import { compactState, loadState } from './store.ts';
import { createUpdateLog } from './updateLog.ts';

/** What every collaboration connection carries: the person behind the socket's session. */
export interface CollabContext {
  actor: Actor;
}

export interface Collab {
  hocuspocus: Hocuspocus<CollabContext>;
  close(): Promise<void>;
}

// y-protocols sync message types, as Hocuspocus reports them to beforeSync.
const SYNC_STEP_2 = 1;
const UPDATE = 2;

/**
 * A refusal that tells the client nothing: a document that does not exist and one the person
 * may not open look the same. No message, so Hocuspocus does not log every refusal.
 */
const refused = () => Object.assign(new Error(), { reason: 'permission-denied' });

/** ioredis options from a redis:// or rediss:// URL (the extension builds its own clients). */
function redisExtension(url: string): Extension {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return new Redis({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    options: {
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      ...(db ? { db } : {}),
      ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    },
    prefix: 'plit:collab',
  });
}

/**
 * The shared-document server of one app: Hocuspocus without its own HTTP server (our
 * Fastify route hands it each socket), our policies deciding who opens what, and every
 * acknowledged change in the database before it is acknowledged.
 *
 * Hocuspocus acknowledges an update (the SyncStatus message that lowers the provider's
 * unsyncedChanges) right after applying it, before the debounced onStoreDocument has run, so
 * a crash in that window would lose an acknowledged edit. beforeSync is awaited before the
 * update is applied and acknowledged: there each update is appended to the stored state.
 * onStoreDocument only compacts what is stored already.
 */
export function createCollab(deps: {
  db: Db;
  redisUrl?: string | undefined;
  log: FastifyBaseLogger;
}): Collab {
  const { db, log } = deps;
  const updates = createUpdateLog(db, checkCopyWritable);
  const compactions = new Set<Promise<void>>();
  let closing = false;

  const hocuspocus = new Hocuspocus<CollabContext>({
    quiet: true,
    extensions: deps.redisUrl ? [redisExtension(deps.redisUrl)] : [],

    async onAuthenticate({ context, documentName, connectionConfig }) {
      const access =
        (await notesAccess(db, context.actor, documentName)) ??
        (await copyAccess(db, context.actor, documentName));
      if (!access) throw refused();
      // Read-only connections receive every change; Hocuspocus drops whatever they send.
      connectionConfig.readOnly = access === 'read';
    },

    async onLoadDocument({ documentName }) {
      return (await loadState(db, documentName)) ?? undefined;
    },

    async beforeSync({ connection, document, documentName, type, payload }) {
      if (connection.readOnly || (type !== SYNC_STEP_2 && type !== UPDATE)) return;
      // Everything in the live document is stored already, so a reconnecting client's
      // catch-up that brings nothing new costs no write. Only a catch-up is checked: a
      // snapshot walks the whole document, and a keystroke's update is always new.
      if (type === SYNC_STEP_2 && Y.snapshotContainsUpdate(Y.snapshot(document), payload)) return;
      await updates.append(documentName, payload);
    },

    async beforeHandleAwareness({ connection, states }) {
      // Presence is stamped by the server: a cursor shows the name of the session's person.
      const name = (connection?.context as CollabContext | undefined)?.actor.user.name;
      if (!name) return;
      for (const state of states.values()) {
        if (state.user && typeof state.user === 'object') state.user = { ...state.user, name };
      }
    },

    async onStoreDocument({ documentName, document }) {
      if (closing) return;
      const compaction = compactState(db, documentName, document).catch((err: unknown) =>
        log.warn({ err, documentName }, 'compacting a shared document failed'),
      );
      compactions.add(compaction);
      await compaction.finally(() => compactions.delete(compaction));
      await syncCopy(db, documentName, document).catch((err: unknown) =>
        log.warn({ err, documentName }, 'keeping a post copy in step failed'),
      );
    },
  });

  return {
    hocuspocus,
    async close() {
      // Nothing needs saving on the way out (every acknowledged change is stored); stop the
      // debounced compactions and let running writes finish before the database closes.
      closing = true;
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      await Promise.all([updates.idle(), ...compactions]);
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    },
  };
}
