import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import { CommentHighlight } from './commentHighlight.ts';

/** The Yjs field the server reads the copy from (the same as the meeting notes'). */
export const COPY_FIELD = 'default';

/**
 * Social networks take plain text: paragraphs and line breaks, with bold and italic as the
 * writer's own emphasis (they count nothing). Everything else is switched off, so a pasted
 * web page lands as paragraphs, never as a heading or a list the feed would not show.
 */
const plainCopy = StarterKit.configure({
  blockquote: false,
  bulletList: false,
  code: false,
  codeBlock: false,
  heading: false,
  horizontalRule: false,
  listItem: false,
  listKeymap: false,
  link: false,
  orderedList: false,
  strike: false,
  underline: false,
  // Collaboration brings its own undo, which only undoes one's own typing.
  undoRedo: false,
});

export function copyExtensions(
  provider: HocuspocusProvider,
  user: { name: string; color: string },
  renderCaret: (user: Record<string, unknown>) => HTMLElement,
): Extensions {
  return [
    plainCopy,
    Collaboration.configure({ document: provider.document, field: COPY_FIELD }),
    CollaborationCaret.configure({ provider, user, render: renderCaret }),
    CommentHighlight,
  ];
}
