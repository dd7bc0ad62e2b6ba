// Only one process may open a PGlite data folder, so `plit backup` cannot read the database
// of a running server itself: it asks the server, through a Unix socket in the data folder.
// The socket is the server's own file, mode 0600: only the account running Plit (or root)
// can connect, which is the same account that could copy the folder anyway, so it needs no
// password; and it answers one thing, "stream me a backup", so it opens nothing else.
import { rmSync } from 'node:fs';
import { chmod, rm } from 'node:fs/promises';
import http from 'node:http';
import { connect as connectSocket } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type BackupSource, type BackupSummary, writeBackup } from './writeBackup.ts';

const SUMMARY_TRAILER = 'x-plit-backup';

export const socketPathOf = (dataDir: string) => path.join(dataDir, 'plit.sock');

/** Unix socket paths are limited (108 bytes on Linux, 104 on macOS) by the kernel. */
const MAX_SOCKET_PATH = 103;

/**
 * Whether a server answers on this socket; a file left by a crashed one does not. A socket we
 * may not open is an error, not "no server": opening the folder beside a running server
 * would be the one thing worse than no backup.
 */
export function socketAnswers(socketPath: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = connectSocket(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(false);
      else
        reject(
          new Error(
            `Cannot reach the running Plit through ${socketPath} (${error.code}): run this as the user that runs Plit.`,
          ),
        );
    });
  });
}

/**
 * Listen for backup requests on `<dataDir>/plit.sock`. A socket file no server answers on is
 * what a crashed server left: it is replaced.
 */
export async function serveBackups(dataDir: string, source: BackupSource, log: Log): Promise<Closable> {
  // Plit serves its users without it: a socket that cannot be made is a warning, not a failed start.
  return listenForBackups(dataDir, source, log).catch((error: Error) => {
    log.warn(
      `\`plit backup\` cannot reach this process (${error.message}); it works only while Plit is stopped.`,
    );
    return { close: async () => {} };
  });
}

type Log = { warn(message: string): void; error(error: unknown, message: string): void };
type Closable = { close(): Promise<void> };

async function listenForBackups(dataDir: string, source: BackupSource, log: Log): Promise<Closable> {
  const socketPath = socketPathOf(dataDir);
  const nothing = { close: async () => {} };
  if (socketPath.length > MAX_SOCKET_PATH) {
    log.warn(
      `The data folder's path is too long for ${socketPath}: \`plit backup\` works only while Plit is stopped.`,
    );
    return nothing;
  }
  if (await socketAnswers(socketPath)) {
    log.warn(`Another Plit answers on ${socketPath}: \`plit backup\` will ask that one.`);
    return nothing;
  }
  await rm(socketPath, { force: true });
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/backup') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/gzip', trailer: SUMMARY_TRAILER });
    writeBackup(source, response, { end: false, warn: log.warn })
      .then((summary) => {
        // A trailer comes after the last byte: the command knows the backup is whole only then.
        response.addTrailers({ [SUMMARY_TRAILER]: JSON.stringify(summary) });
        response.end();
      })
      .catch((error: unknown) => {
        log.error(error, 'backup failed');
        response.destroy(error as Error);
      });
  });
  // The socket is created with the umask's mode; it must never be connectable by others, not
  // even for the moment before chmod.
  // The umask is the whole process's: it is put back as soon as `listen` has bound the socket
  // (synchronously, inside the call), not after an await, or a folder made meanwhile by a
  // request (a new client's files) would get mode 0600.
  const umask = process.umask(0o177);
  let listening: Promise<void>;
  try {
    listening = new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, resolve);
    });
  } finally {
    process.umask(umask);
  }
  await listening;
  await chmod(socketPath, 0o600);
  // Removed on any exit, so the next start finds no stale file.
  const removeSocket = () => rmSync(socketPath, { force: true });
  process.once('exit', removeSocket);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        process.off('exit', removeSocket);
      }),
  };
}

/**
 * Ask the server on this socket for a backup, written to `out`. Fails when the backup did not
 * arrive whole; the summary (counts, missing files) comes last, in a trailer.
 */
export async function requestBackup(socketPath: string, out: NodeJS.WritableStream): Promise<BackupSummary> {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    // No agent: a kept-alive connection would hold the command open after its work is done.
    const request = http.request({ socketPath, path: '/backup', method: 'POST', agent: false }, resolve);
    request.once('error', reject);
    request.end();
  });
  if (response.statusCode !== 200) {
    response.resume();
    throw new Error(`The running Plit refused the backup (HTTP ${response.statusCode}).`);
  }
  await pipeline(response, out).catch((error: Error) => {
    throw new Error(`The running Plit stopped sending the backup: ${error.message} (see its log).`);
  });
  const summary = response.trailers[SUMMARY_TRAILER];
  if (!summary) throw new Error('The running Plit did not finish the backup (see its log).');
  return JSON.parse(summary) as BackupSummary;
}
