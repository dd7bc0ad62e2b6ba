import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../../shared/api/index.ts';
import { currentLanguage } from '../../../../i18n/index.ts';
import { byDateTime } from '../../../../planning/PlanContext.tsx';
import { useRoom } from '../../RoomContext.tsx';
import { slotText } from './slotText.ts';

interface Props {
  opened: boolean;
  topic: Topic;
  saving: boolean;
  onClose: () => void;
  onSubmit: (slotId: string) => void;
}

/** "Move": pick one of the month's free slots for the topic. */
export function MoveSlotModal({ opened, topic, saving, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('meeting.decisions.moveTitle')} centered>
      {opened && <SlotForm topic={topic} saving={saving} onClose={onClose} onSubmit={onSubmit} />}
    </Modal>
  );
}

function SlotForm({ topic, saving, onClose, onSubmit }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const { plan, channelById } = useRoom();
  const [slotId, setSlotId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const free = plan.slots.filter((s) => !s.topicId && s.id !== topic.slotId).sort(byDateTime);
  const language = currentLanguage();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!slotId) {
      setError(t('meeting.decisions.moveRequired'));
      return;
    }
    onSubmit(slotId);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {topic.title}
        </Text>
        {free.length === 0 ? (
          <Text size="sm">{t('meeting.decisions.noFreeSlots')}</Text>
        ) : (
          <Select
            label={t('meeting.decisions.moveLabel')}
            data={free.map((s) => ({ value: s.id, label: slotText(s, channelById, t, language) }))}
            value={slotId}
            onChange={setSlotId}
            error={error}
            required
            data-autofocus
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} disabled={free.length === 0}>
            {t('meeting.decisions.moveSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
