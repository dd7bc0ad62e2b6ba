import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared/api/index.ts';
import type { QuestionStatus } from '../../../shared/roles.ts';

type Item = MeetingSummary['questions'][number];

const order: QuestionStatus[] = ['for_facts', 'answered', 'open'];
const color: Record<QuestionStatus, string> = { for_facts: 'orange', answered: 'teal', open: 'gray' };
const label = { for_facts: 'summary.forFacts', answered: 'summary.answered', open: 'summary.open' } as const;

/** The questions, grouped: what goes into the fact request first, then what was answered, then what is open. */
export function Questions({ questions }: { questions: Item[] }) {
  const { t } = useTranslation();
  if (questions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('summary.questionsEmpty')}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {order.map((status) => {
        const group = questions.filter((q) => q.status === status);
        if (group.length === 0) return null;
        return (
          <Stack gap={6} key={status}>
            <Badge color={color[status]} variant="light" tt="none" w="fit-content">
              {t(label[status])} · {group.length}
            </Badge>
            {group.map((q, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a frozen summary never reorders
              <div key={i} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {q.text}
                </Text>
                {q.answer && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {q.answer}
                  </Text>
                )}
                {q.topicTitle && (
                  <Text size="xs" c="dimmed">
                    {t('summary.aboutTopic', { title: q.topicTitle })}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
