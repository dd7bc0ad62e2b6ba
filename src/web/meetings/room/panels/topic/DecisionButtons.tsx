import { Button, Group, Modal, Text } from '@mantine/core';
import { IconArchive, IconArrowsExchange, IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../../shared/api/index.ts';
import type { DecisionKind } from '../../../../../shared/roles.ts';
import { type DecisionInput, useDecide } from '../../../mutations.ts';
import { latestDecisions } from '../../labels.ts';
import { useRoom } from '../../RoomContext.tsx';
import { useReportError } from '../../useReportError.ts';
import { ChangeNoteModal } from './ChangeNoteModal.tsx';
import { MoveSlotModal } from './MoveSlotModal.tsx';

const looks: Record<DecisionKind, { color: string; icon: ReactNode }> = {
  accept: { color: 'teal', icon: <IconCheck size={16} aria-hidden /> },
  change: { color: 'yellow', icon: <IconPencil size={16} aria-hidden /> },
  park: { color: 'gray', icon: <IconArchive size={16} aria-hidden /> },
  drop: { color: 'red', icon: <IconX size={16} aria-hidden /> },
  move: { color: 'indigo', icon: <IconArrowsExchange size={16} aria-hidden /> },
};
const order: DecisionKind[] = ['accept', 'change', 'park', 'drop', 'move'];

/** What the room decides about the topic; the latest decision is the one in force. */
export function DecisionButtons({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const { meeting, can } = useRoom();
  const decide = useDecide(meeting);
  const report = useReportError();
  const [dialog, setDialog] = useState<'change' | 'move' | 'park' | null>(null);
  const current = latestDecisions(meeting.decisions).get(topic.id)?.kind;

  if (topic.status === 'parked') {
    return (
      <Text size="sm" c="dimmed">
        {t('meeting.decisions.inReserve')}
      </Text>
    );
  }
  if (!can.decide) {
    return (
      <Text size="sm" c="dimmed">
        {meeting.status === 'scheduled' ? t('meeting.decisions.notYet') : t('meeting.decisions.notAllowed')}
      </Text>
    );
  }

  const send = (body: Omit<DecisionInput, 'topicId' | 'topicVersion'>, onDone?: () => void) =>
    decide.mutate(
      { ...body, topicId: topic.id, topicVersion: topic.version },
      { onSuccess: () => onDone?.(), onError: report },
    );
  const press = (kind: DecisionKind) => {
    if (kind === 'change' || kind === 'move' || kind === 'park') setDialog(kind);
    else send({ kind });
  };

  return (
    <>
      <Group gap="xs" wrap="wrap" role="group" aria-label={t('meeting.decisions.label')}>
        {order.map((kind) => (
          <Button
            key={kind}
            size="compact-md"
            color={looks[kind].color}
            variant={current === kind ? 'filled' : 'light'}
            leftSection={looks[kind].icon}
            aria-pressed={current === kind}
            loading={decide.isPending && decide.variables?.kind === kind}
            disabled={decide.isPending && decide.variables?.kind !== kind}
            onClick={() => press(kind)}
          >
            {t(`meeting.decisions.buttons.${kind}`)}
          </Button>
        ))}
      </Group>
      <ChangeNoteModal
        opened={dialog === 'change'}
        title={topic.title}
        saving={decide.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(note) => send({ kind: 'change', note }, () => setDialog(null))}
      />
      <MoveSlotModal
        opened={dialog === 'move'}
        topic={topic}
        saving={decide.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(slotId) => send({ kind: 'move', slotId }, () => setDialog(null))}
      />
      <Modal
        opened={dialog === 'park'}
        onClose={() => setDialog(null)}
        title={t('meeting.decisions.parkTitle')}
        centered
      >
        <Text style={{ overflowWrap: 'anywhere' }}>
          {t('meeting.decisions.parkConfirm', { title: topic.title })}
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setDialog(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="gray"
            loading={decide.isPending}
            onClick={() => send({ kind: 'park' }, () => setDialog(null))}
          >
            {t('meeting.decisions.buttons.park')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
