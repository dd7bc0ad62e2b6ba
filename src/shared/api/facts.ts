import { z } from 'zod';
import { factItemStatuses, factKinds, factRequestStatuses, factSources } from '../roles.ts';
import { isoDate, uuid } from './common.ts';
import { localDate } from './planning.ts';

export const factItem = z.object({
  id: uuid,
  topicId: uuid.nullable().describe('null: a general item, about no one topic.'),
  question: z.string(),
  kind: z.enum(factKinds),
  choices: z.array(z.string()),
  required: z.boolean(),
  dueOn: localDate.nullable(),
  contactId: uuid.nullable(),
  source: z.enum(factSources),
  status: z.enum(factItemStatuses),
  position: z.number(),
  version: z.int(),
});
export type FactItem = z.infer<typeof factItem>;

export const factRequest = z.object({
  id: uuid,
  cycleId: uuid,
  status: z.enum(factRequestStatuses),
  sentAt: isoDate.nullable(),
  completedAt: isoDate.nullable(),
  version: z.int(),
  items: z.array(factItem),
});
export type FactRequest = z.infer<typeof factRequest>;
