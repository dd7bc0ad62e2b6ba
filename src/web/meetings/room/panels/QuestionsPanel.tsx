import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Question } from '../../../../shared/api/index.ts';
import type { QuestionStatus } from '../../../../shared/roles.ts';
import { EmptyBlock } from '../../../components/EmptyBlock.tsx';
import { useRoom } from '../RoomContext.tsx';
import { PanelSection } from './PanelSection.tsx';
import { QuestionForm } from './questions/QuestionForm.tsx';
import { QuestionItem } from './questions/QuestionItem.tsx';

const groups: QuestionStatus[] = ['open', 'for_facts', 'answered'];

/** Questions from both sides: answered on the spot, or sent on to the fact request. */
export function QuestionsPanel({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { meeting, can } = useRoom();
  const byStatus = (status: QuestionStatus): Question[] =>
    meeting.questions.filter((q) => q.status === status);
  return (
    <PanelSection item={item} hint={t('meeting.questions.hint')}>
      {can.contribute && (
        <Paper withBorder radius="md" p="sm">
          <QuestionForm />
        </Paper>
      )}
      {meeting.questions.length === 0 ? (
        <EmptyBlock
          order={3}
          icon={<IconMessageQuestion />}
          title={t('meeting.questions.emptyTitle')}
          description={can.contribute ? t('meeting.questions.emptyHint') : undefined}
        />
      ) : (
        groups.map((status) => {
          const list = byStatus(status);
          if (list.length === 0) return null;
          return (
            <Stack key={status} gap="xs">
              <Title order={3} size="h5">
                {t(`meeting.questions.groups.${status}`)}{' '}
                <Text span c="dimmed" fw={400}>
                  ({list.length})
                </Text>
              </Title>
              {list.map((q) => (
                <QuestionItem key={q.id} question={q} />
              ))}
            </Stack>
          );
        })
      )}
    </PanelSection>
  );
}
