import { and, eq } from 'drizzle-orm';
import { type Format, type Network, networkFormats } from '../../shared/roles.ts';
import type { Executor } from '../db/connect.ts';
import { channels, rubrics } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', { message: `${field}: ${message}`, fields: { [field]: message } });

/**
 * The one check of "formats per network" (`networkFormats` in shared/roles.ts) on every write
 * that pairs a network with a format: channels, slots, cadence rules, topics.
 */
export function checkNetworkFormats(network: Network, formats: readonly Format[], field = 'format') {
  const allowed = networkFormats[network];
  const wrong = formats.filter((f) => !allowed.includes(f));
  if (wrong.length === 0) return;
  const message = `${network} has no ${wrong.join(', ')} format; it has ${allowed.join(', ')}.`;
  throw new AppError('format_not_on_network', { message, fields: { [field]: message } });
}

/** A topic's rubric and suggested channel must be the client's own. */
export async function checkTopicRefs(
  tx: Executor,
  clientId: string,
  refs: {
    rubricId?: string | null | undefined;
    channelId?: string | null | undefined;
    format?: Format | null | undefined;
  },
) {
  if (refs.rubricId) {
    const [r] = await tx
      .select({ id: rubrics.id })
      .from(rubrics)
      .where(and(eq(rubrics.id, refs.rubricId), eq(rubrics.clientId, clientId)));
    if (!r) throw invalid('rubricId', 'Not a rubric of this client.');
  }
  if (refs.channelId) {
    const [c] = await tx
      .select({ id: channels.id, network: channels.network })
      .from(channels)
      .where(and(eq(channels.id, refs.channelId), eq(channels.clientId, clientId)));
    if (!c) throw invalid('channelId', 'Not a channel of this client.');
    if (refs.format) checkNetworkFormats(c.network, [refs.format]);
  }
}

/**
 * The refs to check when a topic-like row (a topic, a contingency) changes: its rubric if it
 * changes, and the channel and format pair it will end up with when either changes (a format
 * alone is checked against the channel the row already has).
 */
export function refsAfterChange(
  current: { channelId: string | null; format: Format | null },
  changes: { rubricId?: string | null; channelId?: string | null; format?: Format | null },
) {
  const pairChanges = changes.channelId !== undefined || changes.format !== undefined;
  return {
    rubricId: changes.rubricId,
    channelId: pairChanges
      ? changes.channelId === undefined
        ? current.channelId
        : changes.channelId
      : undefined,
    format: changes.format === undefined ? current.format : changes.format,
  };
}
