import { and, eq } from 'drizzle-orm';
import type { Format } from '../../shared/roles.ts';
import { zonedInstant } from '../../shared/time.ts';
import type { Executor } from '../db/connect.ts';
import { channels, rubrics } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { CycleInClient } from './load.ts';
import { checkNetworkFormats } from './topicInput.ts';

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', { message: `${field}: ${message}`, fields: { [field]: message } });

/**
 * Check a slot's place against its plan: the date inside the cycle's month, the channel and
 * rubric the client's own, the format one the channel has. Returns the instant to store.
 */
export async function checkSlotPlace(
  tx: Executor,
  { cycle, client }: CycleInClient,
  place: { date: string; time: string; channelId: string; format: Format; rubricId: string | null },
): Promise<Date> {
  if (!place.date.startsWith(`${cycle.month}-`))
    throw invalid('date', `Pick a date in ${cycle.month}, the month of this plan.`);
  const [channel] = await tx
    .select()
    .from(channels)
    .where(and(eq(channels.id, place.channelId), eq(channels.clientId, client.id)));
  if (!channel) throw invalid('channelId', 'Not a channel of this client.');
  checkNetworkFormats(channel.network, [place.format]);
  if (!channel.formats.includes(place.format))
    throw invalid('format', `${channel.network} ${channel.handle} has no ${place.format} format.`);
  if (place.rubricId) {
    const [rubric] = await tx
      .select({ id: rubrics.id })
      .from(rubrics)
      .where(and(eq(rubrics.id, place.rubricId), eq(rubrics.clientId, client.id)));
    if (!rubric) throw invalid('rubricId', 'Not a rubric of this client.');
  }
  return zonedInstant(place.date, place.time, client.timezone);
}
