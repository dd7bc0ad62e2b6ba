import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { collabSocketUrl } from '../../src/shared/live.ts';

/** Wait until `probe` answers something truthy (or fail after `ms`). */
export async function until<T>(what: string, probe: () => T | Promise<T>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What the server answered to opening one shared document. */
export type DocumentOutcome = { scope: string; text: string } | { denied: string };

/**
 * A browser's collaboration socket in Node (ws with the session cookie and the page's Origin),
 * on which any number of documents are opened, as the editor and the live room do.
 */
export function collabSocket(host: string, cookie: string | null, origin = 'http://plit.test') {
  class BrowserSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { ...(cookie ? { cookie } : {}), origin } });
      // Closing a socket still connecting (the provider's retry after a refusal) makes ws emit
      // an error; the refusal itself is what the tests read, from the close.
      this.on('error', () => {});
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: collabSocketUrl(`http://${host}`),
    WebSocketPolyfill: BrowserSocket,
    // Refused sockets are not retried in tests; a real browser keeps trying.
    maxAttempts: 1,
  });
  const providers: HocuspocusProvider[] = [];
  // A socket closed at the door (no session, a session that may open no document) answers
  // every document with its close code.
  const closed = new Promise<{ denied: string }>((resolve) =>
    socket.on('close', ({ event }: { event: { code: number } }) =>
      resolve({ denied: `closed ${event.code}` }),
    ),
  );

  /** Open a document: whether it was let in (with its text once synced) or refused, and why. */
  async function open(name: string, field = 'default'): Promise<DocumentOutcome> {
    const provider = new HocuspocusProvider({ websocketProvider: socket, name });
    providers.push(provider);
    const outcome = new Promise<{ scope: string } | { denied: string }>((resolve) => {
      provider.on('authenticated', ({ scope }: { scope: string }) => resolve({ scope }));
      provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve({ denied: reason }));
    });
    provider.attach();
    const answer = await Promise.race([
      outcome,
      closed,
      new Promise<{ denied: string }>((resolve) =>
        setTimeout(() => resolve({ denied: '(no answer)' }), 5000),
      ),
    ]);
    if ('denied' in answer) return answer;
    await until(`the first sync of ${name}`, () => provider.synced);
    return { scope: answer.scope, text: provider.document.getXmlFragment(field).toString() };
  }

  /** Open a document for writing and append a paragraph; resolves once the server acknowledged it. */
  async function append(name: string, text: string, field = 'default') {
    const provider = new HocuspocusProvider({ websocketProvider: socket, name });
    providers.push(provider);
    provider.attach();
    await until(`the first sync of ${name}`, () => provider.synced);
    const fragment = provider.document.getXmlFragment(field);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [paragraph]);
    await until(`the acknowledgement of ${name}`, () => provider.synced && provider.unsyncedChanges === 0);
  }

  return {
    open,
    append,
    close() {
      for (const p of providers) p.destroy();
      socket.destroy();
    },
  };
}
