import type { AgencyInsights } from '../../shared/api/index.ts';
import { equalPeriods, mean, pooledFirstRound, sum } from '../../shared/insights.ts';
import { unplannedTotal } from './figures.ts';

/** One client over the range, as the agency compares them. */
export interface ClientSummary {
  clientId: string;
  clientName: string;
  coCreationSince: string | null;
  /** Months on each side of the before/since comparison (equal periods); 0 when there is none. */
  periodMonths: number;
  firstRoundBefore: number | null;
  firstRoundSince: number | null;
  /** Revision rounds per month before and since, over the same equal periods. */
  roundsPerMonthBefore: number | null;
  roundsPerMonthSince: number | null;
  averageRounds: number | null;
  revisionRounds: number;
  unplanned: number;
  factTurnaroundDays: number | null;
  months: number;
}

/**
 * Sorted by revision rounds, most first: where the agency's revision time goes. Before and
 * since are compared over equal periods of finished months (shared/insights.ts), per month:
 * four months before summed against two since would say nothing. The totals (revision rounds,
 * unplanned changes) are the work done in the months shown, the running month's so far included.
 */
export function summarise(data: AgencyInsights): ClientSummary[] {
  return data.clients
    .map((c) => {
      const periods = equalPeriods(c.months);
      const compared = periods.length > 0;
      const closed = c.months.filter((m) => !m.partial);
      return {
        clientId: c.clientId,
        clientName: c.clientName,
        coCreationSince: c.coCreationSince,
        periodMonths: periods.length,
        firstRoundBefore: compared ? pooledFirstRound(periods.before) : null,
        firstRoundSince: pooledFirstRound(compared ? periods.since : periods.sinceClosed),
        roundsPerMonthBefore: compared ? mean(periods.before.map((m) => m.figures.revisionRounds)) : null,
        roundsPerMonthSince: mean(
          (compared ? periods.since : periods.sinceClosed).map((m) => m.figures.revisionRounds),
        ),
        averageRounds: mean(periods.sinceClosed.map((m) => m.figures.averageRounds)),
        revisionRounds: sum(c.months.map((m) => m.figures.revisionRounds)),
        unplanned: sum(c.months.map((m) => unplannedTotal(m.figures))),
        factTurnaroundDays: mean(closed.map((m) => m.figures.factTurnaroundDays)),
        months: c.months.length,
      };
    })
    .sort((a, b) => b.revisionRounds - a.revisionRounds || a.clientName.localeCompare(b.clientName));
}
