import { asc, eq } from 'drizzle-orm';
import { type CadenceSlot, planCadence } from '../../shared/cadence.ts';
import type { Format } from '../../shared/roles.ts';
import { networkFormats } from '../../shared/roles.ts';
import type { Executor } from '../db/connect.ts';
import { cadenceRules, channels, slots } from '../db/schema/index.ts';
import type { CycleInClient } from './load.ts';

/**
 * What filling this month from its cadence gives, now: read by the preview and by the fill
 * (inside its transaction, with the cycle locked), both through `planCadence`.
 */
export async function cadencePlanOf(tx: Executor, { cycle, client }: CycleInClient): Promise<CadenceSlot[]> {
  const rules = await tx
    .select()
    .from(cadenceRules)
    .where(eq(cadenceRules.cycleId, cycle.id))
    .orderBy(asc(cadenceRules.createdAt));
  const existing = await tx
    .select({ channelId: slots.channelId, startsAt: slots.startsAt })
    .from(slots)
    .where(eq(slots.cycleId, cycle.id));
  const offered = new Map(
    (
      await tx
        .select({ id: channels.id, network: channels.network, formats: channels.formats })
        .from(channels)
        .where(eq(channels.clientId, client.id))
    ).map((c) => [c.id, c]),
  );
  const offers = (channelId: string, format: Format) => {
    const channel = offered.get(channelId);
    return !!channel && channel.formats.includes(format) && networkFormats[channel.network].includes(format);
  };
  return planCadence({ month: cycle.month, timezone: client.timezone, rules, existing, offers });
}
