import type { TFunction } from 'i18next';
import type { MoveOwner, Wait } from '../../shared/api/index.ts';
import type { Language } from '../i18n/index.ts';
import { formatDayMonth } from '../lib/dates.ts';
import { ownerLabel } from './labels.ts';

const countedKinds = [
  'posts_to_approve',
  'fact_items',
  'fact_follow_ups',
  'review_fact_answers',
  'write_posts',
  'revise_posts',
  'publish_posts',
] as const;
type CountedKind = (typeof countedKinds)[number];
const isCounted = (kind: Wait['kind']): kind is CountedKind =>
  (countedKinds as readonly string[]).includes(kind);

/** "3 posts to approve by 12 Dec", "send the fact request": one thing that waits. */
export function waitText(wait: Wait, t: TFunction, language: Language): string {
  const what =
    wait.count !== null && isCounted(wait.kind)
      ? t(`moves.counted.${wait.kind}`, { count: wait.count })
      : t(`moves.kinds.${wait.kind}`);
  return wait.due ? `${what} ${t('moves.due', { date: formatDayMonth(wait.due, language) })}` : what;
}

/**
 * "Whose move: client — 3 posts to approve by 12 Dec, 2 facts to answer": whose move it is and
 * what waits for them, as the server named it (`planning/whoseMove.ts`); null for nobody's.
 */
export function moveText(
  move: { owner: MoveOwner; waiting: Wait[] },
  t: TFunction,
  language: Language,
): string | null {
  if (move.owner === 'nobody') return null;
  const owner = ownerLabel(move.owner, t);
  if (move.waiting.length === 0) return t('cycle.whoseMove', { owner });
  return t('moves.line', { owner, what: move.waiting.map((w) => waitText(w, t, language)).join(', ') });
}
