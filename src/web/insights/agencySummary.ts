import type { AgencyInsights } from '../../shared/api/index.ts';
import { mean, pooledFirstRound, sum, unplannedTotal } from './figures.ts';

/** One client over the range, as the agency compares them. */
export interface ClientSummary {
  clientId: string;
  clientName: string;
  coCreationSince: string | null;
  firstRoundBefore: number | null;
  firstRoundSince: number | null;
  averageRounds: number | null;
  revisionRounds: number;
  revisionRoundsBefore: number;
  unplanned: number;
  factTurnaroundDays: number | null;
  months: number;
}

/** Sorted by revision rounds, most first: where the agency's revision time goes. */
export function summarise(data: AgencyInsights): ClientSummary[] {
  return data.clients
    .map((c) => {
      const before = c.months.filter((m) => m.before);
      const since = c.months.filter((m) => !m.before);
      return {
        clientId: c.clientId,
        clientName: c.clientName,
        coCreationSince: c.coCreationSince,
        firstRoundBefore: pooledFirstRound(before),
        firstRoundSince: pooledFirstRound(since),
        averageRounds: mean(since.map((m) => m.figures.averageRounds)),
        revisionRounds: sum(c.months.map((m) => m.figures.revisionRounds)),
        revisionRoundsBefore: sum(before.map((m) => m.figures.revisionRounds)),
        unplanned: sum(c.months.map((m) => unplannedTotal(m.figures))),
        factTurnaroundDays: mean(c.months.map((m) => m.figures.factTurnaroundDays)),
        months: c.months.length,
      };
    })
    .sort((a, b) => b.revisionRounds - a.revisionRounds || a.clientName.localeCompare(b.clientName));
}
