/**
 * A position between two neighbours, so a reorder changes one topic only. Positions are
 * floats; halving leaves room for ~50 moves into the same gap before precision runs out.
 */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before !== undefined && after !== undefined) return (before + after) / 2;
  if (before !== undefined) return before + 1;
  if (after !== undefined) return after - 1;
  return 0;
}
