/**
 * Caret and selection updates (Yjs awareness) of one collaboration socket, passed on at most
 * once per `intervalMs` per document, the latest one winning. Awareness is a state, not a log:
 * a caret's in-between positions are worth nothing once it has moved on, while Hocuspocus
 * spends a scratch Y.Doc (and ~30 calls to the system's random source) on every one it handles.
 * A socket sending them just under its frame budget (LIVE-SPEC [S3]) cost the server more than
 * any other frame (scripts/bench/socketFlood.ts); coalesced, a document's carets cost at most
 * a few handlings a second per socket.
 */
export interface AwarenessThrottle {
  /** Hand on this awareness frame of `document` now, or keep it as the latest for a moment. */
  push(document: string, frame: Uint8Array): void;
  /** The socket closed: nothing more is handed on. */
  stop(): void;
}

export const AWARENESS_INTERVAL_MS = 100;

export function awarenessThrottle(
  handle: (frame: Uint8Array) => void,
  intervalMs = AWARENESS_INTERVAL_MS,
): AwarenessThrottle {
  const last = new Map<string, number>();
  const waiting = new Map<string, Uint8Array>();
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const flush = (document: string) => {
    timers.delete(document);
    const frame = waiting.get(document);
    waiting.delete(document);
    if (!frame || stopped) return;
    last.set(document, Date.now());
    handle(frame);
  };

  return {
    push(document, frame) {
      if (stopped) return;
      const since = Date.now() - (last.get(document) ?? 0);
      if (since >= intervalMs && !timers.has(document)) {
        last.set(document, Date.now());
        handle(frame);
        return;
      }
      waiting.set(document, frame);
      if (!timers.has(document))
        timers.set(
          document,
          setTimeout(() => flush(document), intervalMs - since),
        );
    },
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      waiting.clear();
    },
  };
}

const SYNC = 0;
const AWARENESS = 1;
// y-protocols sync messages: step 1 asks for what is missing; step 2 and update bring changes.
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The head of a Hocuspocus frame: its document, message type and first number, or null. */
function frameHead(frame: Uint8Array): { document: string; type: number; sub: number | null } | null {
  let at = 0;
  const uint = (): number | null => {
    let n = 0;
    let shift = 1;
    for (let i = 0; i < 5; i++) {
      const byte = frame[at++];
      if (byte === undefined) return null;
      n += (byte & 0x7f) * shift;
      if (byte < 0x80) return n;
      shift *= 128;
    }
    return null;
  };
  const length = uint();
  if (length === null || at + length > frame.length) return null;
  const document = Buffer.from(frame.buffer, frame.byteOffset + at, length).toString('utf8');
  at += length;
  const type = uint();
  if (type === null) return null;
  return { document, type, sub: uint() };
}

/** The document an awareness frame is about, or null for any other frame (or one that does not parse). */
export function awarenessDocument(frame: Uint8Array): string | null {
  const head = frameHead(frame);
  return head?.type === AWARENESS ? head.document : null;
}

/** Whether a frame brings changes to a document (a sync step 2 or an update): the costly kind to store. */
export function isDocumentChange(frame: Uint8Array): boolean {
  const head = frameHead(frame);
  return head?.type === SYNC && (head.sub === SYNC_STEP_2 || head.sub === SYNC_UPDATE);
}
