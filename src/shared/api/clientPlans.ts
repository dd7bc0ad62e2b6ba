import { z } from 'zod';
import { formats, likelihoods } from '../roles.ts';
import { isoDate, name, text, uuid, version } from './common.ts';
import { localDate } from './planning.ts';

export const contingency = z.object({
  id: uuid,
  planId: uuid,
  concept: z.string().describe('The situational post, ready to activate.'),
  trigger: z.string().describe('When to activate it.'),
  channelId: uuid.nullable(),
  format: z.enum(formats).nullable(),
  authorName: z.string().nullable(),
  version: z.int(),
});
export type Contingency = z.infer<typeof contingency>;

export const clientPlan = z.object({
  id: uuid,
  cycleId: uuid,
  title: z.string(),
  startsOn: localDate.nullable(),
  endsOn: localDate.nullable(),
  likelihood: z.enum(likelihoods),
  notes: z.string(),
  authorName: z.string().nullable(),
  version: z.int(),
  createdAt: isoDate,
  contingencies: z.array(contingency),
});
export type ClientPlan = z.infer<typeof clientPlan>;

const planFields = {
  title: name(300).describe('The event, e.g. "Sales of the new phase start".'),
  startsOn: localDate.nullable().optional().describe('Its date, or the start of its window.'),
  endsOn: localDate.nullable().optional().describe('The end of its window, if it is one.'),
  likelihood: z.enum(likelihoods),
  notes: text(5000).optional(),
};
const windowInOrder = (b: { startsOn?: string | null | undefined; endsOn?: string | null | undefined }) =>
  !b.startsOn || !b.endsOn || b.startsOn <= b.endsOn;
export const createClientPlanBody = z
  .object(planFields)
  .refine(windowInOrder, { message: 'The window ends before it starts', path: ['endsOn'] });
export const updateClientPlanBody = z
  .object({
    ...planFields,
    likelihood: planFields.likelihood.optional(),
    title: planFields.title.optional(),
    version,
  })
  .refine(windowInOrder, { message: 'The window ends before it starts', path: ['endsOn'] });

export const createContingencyBody = z.object({
  concept: name(5000),
  trigger: text(1000).optional(),
  channelId: uuid.nullable().optional(),
  format: z.enum(formats).nullable().optional(),
});
export const updateContingencyBody = createContingencyBody.partial().extend({ version });
