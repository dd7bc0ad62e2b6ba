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

const itemFields = {
  topicId: uuid.nullable().optional(),
  question: z.string().trim().min(1).max(2000),
  kind: z.enum(factKinds).default('text'),
  choices: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  required: z.boolean().default(true),
  dueOn: localDate.nullable().optional(),
  contactId: uuid.nullable().optional().describe('The client contact it is for.'),
};
const choicesWhenChoice = (b: { kind?: string; choices?: string[] }) =>
  b.kind !== 'choice' || (b.choices?.length ?? 0) >= 2;
export const createFactItemBody = z
  .object(itemFields)
  .refine(choicesWhenChoice, { message: 'Give at least two choices', path: ['choices'] });
export const updateFactItemBody = z
  .object({
    topicId: itemFields.topicId,
    question: itemFields.question.optional(),
    kind: z.enum(factKinds).optional(),
    choices: itemFields.choices.optional(),
    required: z.boolean().optional(),
    dueOn: itemFields.dueOn,
    contactId: itemFields.contactId,
    version: z.int().min(1),
  })
  .refine((b) => b.kind !== 'choice' || b.choices === undefined || b.choices.length >= 2, {
    message: 'Give at least two choices',
    path: ['choices'],
  });

export const factTemplate = z.object({
  id: uuid,
  rubricId: uuid,
  question: z.string(),
  kind: z.enum(factKinds),
  choices: z.array(z.string()),
  required: z.boolean(),
  position: z.number(),
  version: z.int(),
});
export type FactTemplate = z.infer<typeof factTemplate>;

export const createFactTemplateBody = z
  .object({
    question: itemFields.question,
    kind: itemFields.kind,
    choices: itemFields.choices,
    required: itemFields.required,
  })
  .refine(choicesWhenChoice, { message: 'Give at least two choices', path: ['choices'] });
export const updateFactTemplateBody = z
  .object({
    question: itemFields.question.optional(),
    kind: z.enum(factKinds).optional(),
    choices: itemFields.choices.optional(),
    required: z.boolean().optional(),
    position: z.number().optional(),
    version: z.int().min(1),
  })
  .refine((b) => b.kind !== 'choice' || b.choices === undefined || b.choices.length >= 2, {
    message: 'Give at least two choices',
    path: ['choices'],
  });
