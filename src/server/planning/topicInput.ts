import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/connect.ts';
import { channels, rubrics } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', { message: `${field}: ${message}`, fields: { [field]: message } });

/** A topic's rubric and suggested channel must be the client's own. */
export async function checkTopicRefs(
  tx: Executor,
  clientId: string,
  refs: { rubricId?: string | null | undefined; channelId?: string | null | undefined },
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
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.id, refs.channelId), eq(channels.clientId, clientId)));
    if (!c) throw invalid('channelId', 'Not a channel of this client.');
  }
}
