import * as Y from 'yjs';

/**
 * The few Hocuspocus frames the socket flood bench sends, written by hand: a provider per
 * socket would spend the bench's CPU on the awareness it receives, which the bench ignores.
 * Layout (lib0 encoding): the document's name, the message type, then the message.
 */
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTHENTICATED = 2;
const PERMISSION_DENIED = 1;

class Writer {
  private readonly bytes: number[] = [];
  uint(n: number): this {
    let rest = n;
    while (rest > 0x7f) {
      this.bytes.push((rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 128);
    }
    this.bytes.push(rest);
    return this;
  }
  array(data: Uint8Array): this {
    this.uint(data.length);
    for (const byte of data) this.bytes.push(byte);
    return this;
  }
  string(text: string): this {
    return this.array(new TextEncoder().encode(text));
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

class Reader {
  private at = 0;
  private readonly data: Uint8Array;
  constructor(data: Uint8Array) {
    this.data = data;
  }
  uint(): number {
    let n = 0;
    let shift = 1;
    for (;;) {
      const byte = this.data[this.at++] ?? 0;
      n += (byte & 0x7f) * shift;
      if (byte < 0x80) return n;
      shift *= 128;
    }
  }
  string(): string {
    const length = this.uint();
    const text = new TextDecoder().decode(this.data.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }
}

/** Open a document on the socket; the session's cookie is what the server checks, not the token. */
export const authMessage = (document: string) =>
  new Writer().string(document).uint(AUTH).uint(AUTH_TOKEN).string('').string('bench').done();

/** The server's answer to `authMessage`: true authenticated, false refused, null another frame. */
export function isAuthenticated(frame: Uint8Array): boolean | null {
  const reader = new Reader(frame);
  reader.string();
  if (reader.uint() !== AUTH) return null;
  const verdict = reader.uint();
  return verdict === AUTHENTICATED ? true : verdict === PERMISSION_DENIED ? false : null;
}

/** A caret moving: one awareness state, its clock one higher each time (else it is ignored). */
export function awarenessMessage(document: string, clientId: number, clock: number): Uint8Array {
  const state = JSON.stringify({
    user: { name: 'bench', color: '#3b82f6' },
    cursor: { anchor: clock % 500 },
  });
  const update = new Writer()
    .uint(1)
    .uint(clientId)
    .uint(clock + 1)
    .string(state)
    .done();
  return new Writer().string(document).uint(AWARENESS).array(update).done();
}

/** A keystroke: a one-character Yjs update of the document (the server stores each one). */
export function updateMessage(document: string, doc: Y.Doc, n: number): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('bench').insert(0, String(n % 10));
  return new Writer()
    .string(document)
    .uint(SYNC)
    .uint(SYNC_UPDATE)
    .array(Y.encodeStateAsUpdate(doc, before))
    .done();
}
