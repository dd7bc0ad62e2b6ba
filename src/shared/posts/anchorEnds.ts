import * as Y from 'yjs';

/**
 * A commented phrase as kept in the copy's Yjs document: four relative positions (base64).
 *
 * - `start` sticks to the phrase's first character and `end` to its last: typing just before or
 *   just after the phrase does not grow it, typing inside it does.
 * - `before` sticks to the character before the phrase (or the start of its text) and `after`
 *   to the character after it (or the end of its text): they hold the place where the phrase
 *   was when its own first or last character is deleted.
 *
 * Replacing a selection is a delete and an insert at the same place, and the inserted text may
 * land on either side of the deleted characters. With only `start`/`end`, a phrase typed over
 * collapses: the writer selects «Гуджі з Ефіопії» and types «Гуджі, Ефіопія», the "Г" survives
 * and the deleted "ї" resolves right after it, so the comment read "Г". So each end falls back
 * to its outer position once its character is gone: whatever replaced the phrase is inside.
 * A phrase deleted with nothing in its place resolves to an empty range: the comment is orphaned.
 *
 * The writer's editor writes into Yjs by diffing the paragraph's text (longest common start
 * first), so while «Гуджі, Ефіопія» is typed over a phrase followed by ", ягідна", the typed
 * comma is taken for the comma that was there and the rest lands after it: the `after`
 * character is now inside the new wording. `following` (the text after the phrase when it was
 * commented, to its line's end, at most 24 characters) finds the real end: once the end has
 * fallen back, it moves on to where that text begins again, within the same line.
 *
 * Comments written before the outer positions were kept have none (empty): their ends fall back
 * to nothing, as before.
 */
export interface AnchorPositions {
  start: string;
  end: string;
  before: string;
  after: string;
  following: string;
}

const FOLLOWING_LENGTH = 24;

/**
 * The text after a phrase ending at `end` of a plain copy (lines joined by "\n"), to the line's
 * end (the line break included: the end of the copy counts as one) or 24 characters.
 */
export function followingText(text: string, end: number): string {
  const rest = `${text.slice(end)}\n`;
  const line = rest.slice(0, rest.indexOf('\n') + 1);
  return line.slice(0, FOLLOWING_LENGTH);
}

/**
 * How far past a fallen-back end the phrase really ends: the first place in the same line from
 * which the text reads `following` again. `rest` is the text from the end to the line's end,
 * "\n" included. 0 when it is not found (the text after the phrase was edited too).
 */
export function shiftPastReused(rest: string, following: string): number {
  if (!following) return 0;
  const lineEnd = rest.indexOf('\n');
  for (let shift = 0; shift <= lineEnd; shift++) {
    if (rest.startsWith(following, shift)) return shift;
  }
  return 0;
}

/** Base64 without Buffer, so the server and the browser read the same positions. */
export function encodePosition(position: Y.RelativePosition): string {
  let binary = '';
  for (const byte of Y.encodeRelativePosition(position)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodePosition(text: string): Y.RelativePosition {
  return Y.decodeRelativePosition(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
}

/**
 * The four positions of the phrase from `startIndex` in `first` to `endIndex` (exclusive) in
 * `last` (two text runs, the same one for a phrase inside one paragraph).
 */
export function positionsOfPhrase(
  first: Y.XmlText,
  startIndex: number,
  last: Y.XmlText,
  endIndex: number,
  following: string,
): AnchorPositions {
  return {
    following,
    start: encodePosition(Y.createRelativePositionFromTypeIndex(first, startIndex, 0)),
    end: encodePosition(Y.createRelativePositionFromTypeIndex(last, endIndex, -1)),
    // assoc -1 at the phrase's first index: the character before it, or the start of the run.
    before: encodePosition(Y.createRelativePositionFromTypeIndex(first, startIndex, -1)),
    // assoc 0 at the index after the phrase: the character after it, or the end of the run.
    after: encodePosition(Y.createRelativePositionFromTypeIndex(last, endIndex, 0)),
  };
}

/** Whether the character a position sticks to is still in the document. */
function characterLives(doc: Y.Doc, position: Y.RelativePosition): boolean {
  const id = position.item;
  if (!id) return true;
  if (Y.getState(doc.store, id.client) <= id.clock) return false;
  const item = Y.getItem(doc.store, id);
  return item instanceof Y.Item && !item.deleted;
}

/**
 * The two positions that bound the phrase now: its own first and last characters while they
 * live, else the outer ones. `endFellBack`: the end is the outer one, so the caller moves it on
 * with `shiftPastReused`. null for a malformed position.
 */
export function phraseEnds(
  doc: Y.Doc,
  anchor: AnchorPositions,
): { start: Y.RelativePosition; end: Y.RelativePosition; endFellBack: boolean } | null {
  try {
    const start = decodePosition(anchor.start);
    const end = decodePosition(anchor.end);
    const endFellBack = Boolean(anchor.after) && !characterLives(doc, end);
    return {
      start: anchor.before && !characterLives(doc, start) ? decodePosition(anchor.before) : start,
      end: endFellBack ? decodePosition(anchor.after) : end,
      endFellBack,
    };
  } catch {
    return null;
  }
}
