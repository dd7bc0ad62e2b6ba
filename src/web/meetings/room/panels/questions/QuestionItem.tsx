import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../../shared/api/index.ts';
import { type QuestionPatch, useUpdateQuestion } from '../../../mutations.ts';
import { sideColor, sideLabel } from '../../labels.ts';
import { useRoom, useRoomView } from '../../RoomContext.tsx';
import { useReportError } from '../../useReportError.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { ForFactsForm } from './ForFactsForm.tsx';
import { questionColor } from './questionLabels.ts';

type Editing = 'answer' | 'facts' | null;

/** One question: who asked, about which topic, its answer; answer it or send it to the fact request. */
export function QuestionItem({ question: q }: { question: Question }) {
  const { t } = useTranslation();
  const { meeting, can, topicById } = useRoom();
  const view = useRoomView();
  const update = useUpdateQuestion(meeting);
  const report = useReportError();
  const [editing, setEditing] = useState<Editing>(null);
  const topic = q.topicId ? topicById.get(q.topicId) : undefined;
  const topicsItem = meeting.agenda.find((a) => a.kind === 'topics');
  const save = (patch: Omit<QuestionPatch, 'id' | 'version'>) =>
    update.mutate(
      { id: q.id, version: q.version, ...patch },
      { onSuccess: () => setEditing(null), onError: report },
    );

  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={500} className="pre-wrap">
            {q.text}
          </Text>
          <Badge variant="light" color={questionColor[q.status]} tt="none" style={{ flexShrink: 0 }}>
            {t(`meeting.questions.statuses.${q.status}`)}
          </Badge>
        </Group>
        <Group gap={6} wrap="wrap">
          <Badge
            size="xs"
            color={sideColor[q.side]}
            variant={q.side === 'agency' ? 'filled' : 'light'}
            tt="none"
          >
            {sideLabel(q.side, t)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('meeting.questions.askedBy', { name: q.askedByName ?? t('meeting.someone') })}
          </Text>
          {topic && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              ·{' '}
              {topicsItem ? (
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  onClick={() => view.goTo(topicsItem.id, topic.id)}
                >
                  {t('meeting.questions.about', { title: topic.title })}
                </Anchor>
              ) : (
                t('meeting.questions.about', { title: topic.title })
              )}
            </Text>
          )}
        </Group>
        {q.answer && editing !== 'answer' && (
          <Paper bg="gray.0" radius="sm" p="xs">
            <Text size="sm" className="pre-wrap">
              {q.answer}
            </Text>
            {q.answeredByName && (
              <Text size="xs" c="dimmed" mt={2}>
                {t('meeting.questions.answeredBy', { name: q.answeredByName })}
              </Text>
            )}
          </Paper>
        )}
        {editing === 'answer' && (
          <AnswerForm
            initial={q.answer}
            saving={update.isPending}
            onCancel={() => setEditing(null)}
            onSave={(answer) => save({ answer, status: 'answered' })}
          />
        )}
        {editing === 'facts' && (
          <ForFactsForm
            initial={q.topicId}
            saving={update.isPending}
            onCancel={() => setEditing(null)}
            onSave={(topicId) => save({ status: 'for_facts', topicId })}
          />
        )}
        {can.contribute && editing === null && (
          <Group gap="xs">
            <Button size="compact-sm" variant="light" onClick={() => setEditing('answer')}>
              {q.answer ? t('meeting.questions.editAnswer') : t('meeting.questions.answer')}
            </Button>
            {q.status !== 'for_facts' && (
              <Button size="compact-sm" variant="light" color="grape" onClick={() => setEditing('facts')}>
                {t('meeting.questions.forFacts')}
              </Button>
            )}
            {q.status !== 'open' && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="gray"
                loading={update.isPending}
                onClick={() => save({ status: 'open' })}
              >
                {t('meeting.questions.reopen')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
