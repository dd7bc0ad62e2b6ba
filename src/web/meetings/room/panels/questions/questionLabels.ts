import type { QuestionStatus } from '../../../../../shared/roles.ts';

export const questionColor: Record<QuestionStatus, string> = {
  open: 'orange',
  answered: 'teal',
  for_facts: 'grape',
};
