/**
 * The copy of a post as plain text: what is counted against a network's limit, compared
 * between versions and pointed into by anchored comments. One definition for the server
 * (which reads the shared Yjs document) and the browser (which reads the editor's document),
 * so an offset means the same place on both: text blocks (paragraphs, headings) joined by one
 * line break, a hard break is a line break, formatting adds nothing.
 */
export interface CopyNode {
  type: string;
  text?: string;
  content?: CopyNode[];
}

const BREAK = 'hardBreak';

/** Is this node a text block: one that holds text and inline nodes, not other blocks? */
const isTextBlock = (node: CopyNode) =>
  node.type !== 'text' &&
  node.type !== BREAK &&
  (node.content === undefined || node.content.every((c) => c.type === 'text' || c.type === BREAK));

/** The text blocks of a document, in order, each as its inline nodes. */
export function textBlocks(doc: CopyNode): CopyNode[][] {
  const blocks: CopyNode[][] = [];
  const walk = (node: CopyNode) => {
    if (node !== doc && isTextBlock(node)) {
      blocks.push(node.content ?? []);
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return blocks;
}

export const inlineText = (nodes: CopyNode[]) =>
  nodes.map((n) => (n.type === BREAK ? '\n' : (n.text ?? ''))).join('');

/** The plain text of a copy document (Tiptap/ProseMirror JSON). */
export const copyTextOf = (doc: CopyNode): string => textBlocks(doc).map(inlineText).join('\n');

/** A copy document holding this plain text: one paragraph per line. */
export function copyDocOf(text: string): CopyNode {
  return {
    type: 'doc',
    content: text.split('\n').map((line) => ({
      type: 'paragraph',
      ...(line ? { content: [{ type: 'text', text: line }] } : {}),
    })),
  };
}
