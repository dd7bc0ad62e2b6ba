import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../../shared/api/index.ts';
import { useRoom } from '../../RoomContext.tsx';
import { QuestionForm } from '../questions/QuestionForm.tsx';
import { questionColor } from '../questions/questionLabels.ts';

/** The questions asked about this topic, and a way to ask one more. */
export function TopicQuestions({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const { meeting, can } = useRoom();
  const [asking, setAsking] = useState(false);
  const questions = meeting.questions.filter((q) => q.topicId === topic.id);
  if (questions.length === 0 && !can.contribute) return null;
  return (
    <Stack gap={4}>
      {questions.map((q) => (
        <Group key={q.id} gap={6} wrap="nowrap" align="flex-start">
          <Badge
            size="xs"
            variant="light"
            color={questionColor[q.status]}
            tt="none"
            mt={3}
            style={{ flexShrink: 0 }}
          >
            {t(`meeting.questions.statuses.${q.status}`)}
          </Badge>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {q.text}
          </Text>
        </Group>
      ))}
      {can.contribute && (
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconHelpCircle size={14} aria-hidden />}
          onClick={() => setAsking(true)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('meeting.questions.askAboutTopic')}
        </Button>
      )}
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('meeting.questions.askAboutTopic')}
        centered
      >
        {asking && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {topic.title}
            </Text>
            <QuestionForm
              topicId={topic.id}
              onDone={() => setAsking(false)}
              onCancel={() => setAsking(false)}
            />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
