/**
 * A word-level diff between two versions of a post's copy, for the history's "what changed".
 * Texts are a post's length (a few thousand characters at most), so a plain longest common
 * subsequence over tokens is fast enough and needs no library.
 */
export type DiffKind = 'same' | 'added' | 'removed';
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/**
 * Words (letters and digits, with inner apostrophes: "м'ята", "don't"), runs of whitespace,
 * emoji (with their modifiers and joiners) and single other characters each make one token,
 * so "онлайн." → "онлайн зі знижкою 10%." keeps the full stop and adds the rest.
 */
const TOKEN =
  /\s+|[\p{L}\p{N}\p{M}_]+(?:['’ʼ][\p{L}\p{N}\p{M}_]+)*|\p{Extended_Pictographic}(?:[\u{FE0F}\u{1F3FB}-\u{1F3FF}]|\u{200D}\p{Extended_Pictographic})*|[^\s\p{L}\p{N}\p{M}_]/gu;

export const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];

const isSpace = (text: string) => /^\s+$/.test(text);

/** Adds a part, merging it into the previous one of the same kind. */
function push(parts: DiffPart[], kind: DiffKind, text: string) {
  if (!text) return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * How much keeping a token in common is worth. Longer words weigh more and spaces almost
 * nothing, so "жасмину та бергамоту" → "жасмину, бергамоту та лимона" keeps "бергамоту"
 * rather than the little "та" and the spaces around it.
 */
const weight = (token: string) => (isSpace(token) ? 1 : 2 * token.length);

/**
 * The heaviest common subsequence of two token lists, as a diff (removed before added in each
 * change). Equal tokens weigh the same wherever they are, so matching them is always safe.
 */
function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  // best[i][j]: the weight of the best common subsequence of a[i..] and b[j..], in one array.
  const width = m + 1;
  const best = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      best[i * width + j] =
        a[i] === b[j]
          ? best[(i + 1) * width + j + 1]! + weight(a[i]!)
          : Math.max(best[(i + 1) * width + j]!, best[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(parts, 'removed', removed);
    push(parts, 'added', added);
    removed = '';
    added = '';
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      push(parts, 'same', a[i]!);
      i++;
      j++;
    } else if (j >= m || (i < n && best[(i + 1) * width + j]! >= best[i * width + j + 1]!)) {
      removed += a[i]!;
      i++;
    } else {
      added += b[j]!;
      j++;
    }
  }
  flush();
  return parts;
}

/** A run of unchanged text, or a change: what was removed and what was added in its place. */
type Piece = { same: string } | { removed: string; added: string };

/**
 * Groups the parts into pieces, folding a lone space between two changes into both, so a
 * replaced phrase reads as one change ("~~old words~~ ++new text++"), not as word-by-word noise.
 */
function pieces(parts: DiffPart[]): Piece[] {
  const out: Piece[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (part.kind === 'same') {
      out.push({ same: part.text });
      continue;
    }
    let change: { removed: string; added: string };
    if (last && 'removed' in last) change = last;
    else {
      const space = last && 'same' in last && isSpace(last.same) ? last.same : null;
      const beforeSpace = out.at(-2);
      if (space !== null && beforeSpace && 'removed' in beforeSpace) {
        out.pop();
        beforeSpace.removed += space;
        beforeSpace.added += space;
        change = beforeSpace;
      } else {
        change = { removed: '', added: '' };
        out.push(change);
      }
    }
    change[part.kind] += part.text;
  }
  return out;
}

function flatten(list: Piece[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const piece of list) {
    if ('same' in piece) push(parts, 'same', piece.same);
    else {
      push(parts, 'removed', piece.removed);
      push(parts, 'added', piece.added);
    }
  }
  return parts;
}

/**
 * The word-level difference from `a` to `b`: the parts in reading order. Joining the `same`
 * and `removed` parts gives `a` back; joining `same` and `added` gives `b`.
 */
export function diffWords(a: string, b: string): DiffPart[] {
  if (a === b) return a ? [{ kind: 'same', text: a }] : [];
  const ta = tokenize(a);
  const tb = tokenize(b);
  // The shared beginning and end need no table: most revisions touch a sentence or two.
  let start = 0;
  while (start < ta.length && start < tb.length && ta[start] === tb[start]) start++;
  let endA = ta.length;
  let endB = tb.length;
  while (endA > start && endB > start && ta[endA - 1] === tb[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', ta.slice(0, start).join(''));
  for (const part of lcsDiff(ta.slice(start, endA), tb.slice(start, endB))) push(parts, part.kind, part.text);
  push(parts, 'same', ta.slice(endA).join(''));
  return flatten(pieces(parts));
}

/** How much changed: words added and removed (punctuation not counted), for a one-line summary. */
export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  const words = (text: string) => tokenize(text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    if (part.kind === 'added') added += words(part.text);
    if (part.kind === 'removed') removed += words(part.text);
  }
  return { added, removed };
}
