import type { Client } from '../../shared/api/index.ts';

/** A client's months in numbers and charts (placeholder until the insights screens land). */
export function ClientInsights(_props: { client: Client }) {
  return null;
}
