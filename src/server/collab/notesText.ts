import * as Y from 'yjs';
import { toStorableText } from '../../shared/api/common.ts';
import type { Executor } from '../db/connect.ts';
import { notesDocument } from '../meetings/notesAccess.ts';
import { loadState } from './store.ts';

/** The Yjs field the notes editor writes its Tiptap document into. */
export const NOTES_FIELD = 'default';

export interface NotesText {
  /** The paragraphs joined by line breaks. */
  text: string;
  /** One entry per block with text: paragraphs, headings, list items ("• …", "1. …"). */
  paragraphs: string[];
}

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** The text of an inline run: formatting dropped, hard breaks kept as line breaks. */
function inlineText(node: Node): string {
  if (node instanceof Y.XmlText) {
    // Typed through the editor, not a zod schema: no NUL or lone surrogate reaches the summary.
    return toStorableText(
      (node.toDelta() as Array<{ insert?: unknown }>)
        .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
        .join(''),
    );
  }
  if (node instanceof Y.XmlHook) return '';
  if (node.nodeName === 'hardBreak') return '\n';
  return node.toArray().map(inlineText).join('');
}

/** Walk the blocks of a Tiptap document (StarterKit's node names) into plain paragraphs. */
function collect(nodes: Node[], out: string[], indent: string): void {
  for (const node of nodes) {
    if (!(node instanceof Y.XmlElement)) continue;
    const children = node.toArray() as Node[];
    switch (node.nodeName) {
      case 'paragraph':
      case 'heading':
      case 'codeBlock': {
        const text = inlineText(node).trim();
        if (text) out.push(indent + text);
        break;
      }
      case 'bulletList':
        for (const item of children) listItem(item, out, indent, '• ');
        break;
      case 'orderedList': {
        let n = Number(node.getAttribute('start') ?? 1) || 1;
        for (const item of children) listItem(item, out, indent, `${n++}. `);
        break;
      }
      default:
        // Blockquotes and anything a later extension adds: their blocks, in order.
        collect(children, out, indent);
    }
  }
}

/** A list item's first line carries the bullet; its further blocks and sub-lists are indented. */
function listItem(item: Node, out: string[], indent: string, marker: string): void {
  if (!(item instanceof Y.XmlElement)) return;
  const start = out.length;
  collect(item.toArray() as Node[], out, `${indent}  `);
  if (out.length > start) out[start] = indent + marker + out[start]!.slice(indent.length + 2);
}

/** The plain paragraphs of a notes fragment. */
export function notesParagraphs(fragment: Y.XmlFragment): string[] {
  const out: string[] = [];
  collect(fragment.toArray() as Node[], out, '');
  return out;
}

/**
 * The meeting's shared notes as plain text, for its summary and PDF. Read from the database:
 * every acknowledged change, from any server process, is stored there before it is
 * acknowledged (see collab/server.ts).
 */
export async function readNotes(ctx: { db: Executor }, meetingId: string): Promise<NotesText> {
  const state = await loadState(ctx.db, notesDocument(meetingId));
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    const paragraphs = notesParagraphs(doc.getXmlFragment(NOTES_FIELD));
    return { text: paragraphs.join('\n'), paragraphs };
  } finally {
    doc.destroy();
  }
}
