import { Box, Button } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CopyNode, copyTextOf } from '../../../shared/posts/copyText.ts';
import { offsetsToRange, selectionToOffsets } from './copyOffsets.ts';
import { ReviewMarks, reviewMarksKey } from './reviewMarks.ts';
import './review.css';

/** A phrase picked in the copy: plain-text offsets and the words themselves. */
export interface PickedPhrase {
  start: number;
  end: number;
  quote: string;
}

interface Props {
  doc: CopyNode;
  /** Open comments' phrases as plain-text offsets. */
  marks: { commentId: string; start: number; end: number }[];
  activeId: string | null;
  onPickComment: (commentId: string) => void;
  /** When set, selecting words offers "Comment" on them. */
  onCommentPhrase?: (phrase: PickedPhrase) => void;
  labelledBy: string;
}

/** Leading and trailing spaces of a selection are not part of the phrase. */
function trimmed(text: string, start: number, end: number): PickedPhrase | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e, quote: text.slice(s, e) } : null;
}

/**
 * The copy as it was sent, formatted, never editable. Selecting words shows a "Comment"
 * button under them; phrases with open comments are marked, and clicking one picks its comment.
 */
export function ReadOnlyCopy({ doc, marks, activeId, onPickComment, onCommentPhrase, labelledBy }: Props) {
  const { t } = useTranslation();
  const pickRef = useRef(onPickComment);
  pickRef.current = onPickComment;
  const boxRef = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<(PickedPhrase & { top: number; side: CSSProperties }) | null>(null);
  const text = copyTextOf(doc);

  const editor = useEditor(
    {
      editable: false,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        ReviewMarks.configure({ onPick: (id) => pickRef.current(id) }),
      ],
      content: doc,
      editorProps: {
        // Focusable, so keyboard and screen-reader users can reach and read it as one piece.
        attributes: { class: 'review-copy', 'aria-labelledby': labelledBy, tabindex: '0', role: 'article' },
      },
    },
    [JSON.stringify(doc)],
  );

  // Marks follow the comments: added, resolved, picked.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const state = editor.state;
    const ranges = marks.map((m) => ({
      ...offsetsToRange(state.doc, m.start, m.end),
      commentId: m.commentId,
    }));
    editor.view.dispatch(state.tr.setMeta(reviewMarksKey, { marks: ranges, activeId }));
  }, [editor, marks, activeId]);

  // A comment picked in the list brings its phrase into view.
  useEffect(() => {
    if (!editor || !activeId) return;
    const element = editor.view.dom.querySelector(`[data-comment-id="${activeId}"]`);
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [editor, activeId]);

  useEffect(() => {
    if (!editor || !onCommentPhrase) return;
    const update = () => {
      const { from, to, empty } = editor.state.selection;
      const box = boxRef.current;
      if (empty || !box) {
        setPicked(null);
        return;
      }
      const offsets = selectionToOffsets(editor.state.doc, text, from, to);
      const phrase = trimmed(text, offsets.start, offsets.end);
      if (!phrase) {
        setPicked(null);
        return;
      }
      const end = editor.view.coordsAtPos(to);
      const frame = box.getBoundingClientRect();
      // Under the selection's end, kept inside the copy's box (phones are narrow): in the
      // right half the button hangs to the left of the end, in the left half to the right.
      const x = end.left - frame.left;
      const side: CSSProperties =
        x > frame.width / 2 ? { right: Math.max(0, frame.width - x - 24) } : { left: Math.max(0, x - 24) };
      setPicked({ ...phrase, top: end.bottom - frame.top + 6, side });
    };
    editor.on('selectionUpdate', update);
    return () => {
      editor.off('selectionUpdate', update);
    };
  }, [editor, onCommentPhrase, text]);

  return (
    <Box ref={boxRef} pos="relative">
      <EditorContent editor={editor} />
      {picked && onCommentPhrase && (
        <Button
          size="xs"
          leftSection={<IconMessagePlus size={14} aria-hidden />}
          style={{
            position: 'absolute',
            top: picked.top,
            ...picked.side,
            zIndex: 2,
            boxShadow: 'var(--mantine-shadow-sm)',
          }}
          // Keep the selection while the button takes the click.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            onCommentPhrase({ start: picked.start, end: picked.end, quote: picked.quote });
            setPicked(null);
          }}
          aria-label={t('postReview.review.commentOnSelection', { quote: picked.quote })}
        >
          {t('postReview.review.comment')}
        </Button>
      )}
    </Box>
  );
}
