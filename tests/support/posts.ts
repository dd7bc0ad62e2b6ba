import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { updateYFragment } from '@tiptap/y-tiptap';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { appendUpdates, loadState } from '../../src/server/collab/store.ts';
import type { Db } from '../../src/server/db/connect.ts';
import { cycles, factRequests, topics } from '../../src/server/db/schema/index.ts';
import { COPY_FIELD, copyDocument, copyOf, writeText } from '../../src/server/posts/copyDoc.ts';
import { copyDocOf } from '../../src/shared/posts/copyText.ts';
import type { TestAgency } from './factories.ts';
import { makePlanForMeeting } from './meetings.ts';

/**
 * December in the content stage: the meeting's topics accepted, the fact request sent, three
 * slots (the first two with topics). What a writer finds when posts begin.
 */
export async function makeWritingMonth(db: Db, agency: TestAgency) {
  const plan = await makePlanForMeeting(db, agency);
  await db.update(cycles).set({ stage: 'content' }).where(eq(cycles.id, plan.cycle.id));
  await db.update(topics).set({ status: 'accepted' }).where(eq(topics.cycleId, plan.cycle.id));
  await db
    .insert(factRequests)
    .values({ cycleId: plan.cycle.id, clientId: agency.client.id, status: 'sent', sentAt: new Date() });
  return plan;
}

/** Change a post's copy as an editor would: a Yjs update stored like an acknowledged edit. */
export async function editCopy(db: Db, postId: string, edit: (fragment: Y.XmlFragment) => void) {
  const name = copyDocument(postId);
  const doc = new Y.Doc();
  const state = await loadState(db, name);
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  edit(doc.getXmlFragment(COPY_FIELD));
  await appendUpdates(db, name, [Y.encodeStateAsUpdate(doc, before)]);
  return doc;
}

/** Replace the whole copy with plain text (one paragraph per line). */
export const setCopy = (db: Db, postId: string, text: string) =>
  editCopy(db, postId, (fragment) => {
    fragment.delete(0, fragment.length);
    writeText(fragment, text);
  });

/** The first text run of the first paragraph: where "type at the start" happens. */
export const firstRun = (fragment: Y.XmlFragment) => (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;

const editorSchema = getSchema([StarterKit]);

/**
 * The writer's editor typing `typed` over the selection [start, end) of the plain copy, one
 * keystroke at a time: each keystroke is a ProseMirror document that y-tiptap's binding writes
 * into Yjs as a diff, as in the browser. Nothing typed: the selection deleted in one step.
 */
export function typeOver(fragment: Y.XmlFragment, start: number, end: number, typed: string): void {
  const doc = fragment.doc!;
  const text = copyOf(doc).layout.text;
  const meta = { mapping: new Map(), isOMark: new Map() };
  const write = (value: string) =>
    doc.transact(() =>
      updateYFragment(doc, fragment, editorSchema.nodeFromJSON(copyDocOf(value)), meta as never),
    );
  write(text);
  for (let i = typed ? 1 : 0; i <= typed.length; i++) {
    write(text.slice(0, start) + typed.slice(0, i) + text.slice(end));
  }
}
