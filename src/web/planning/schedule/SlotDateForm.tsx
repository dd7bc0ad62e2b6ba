import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../../../shared/api/index.ts';
import { DateField } from '../../components/dates/DateField.tsx';
import { TimeField } from '../../components/dates/TimeField.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { notifySuccess } from '../../lib/errors.ts';
import { slotLabel, usePlanData } from '../PlanContext.tsx';
import { useSlotActions } from './useSlotActions.ts';

interface Props {
  slot: Slot;
  mode: 'move' | 'duplicate';
  onDone: () => void;
}

/** "Move to date…" and "Duplicate…": the keyboard way of dragging a slot to another day. */
export function SlotDateForm({ slot, mode, onDone }: Props) {
  const { t } = useTranslation();
  const data = usePlanData();
  const { moveSlot, duplicateSlot, duplicating } = useSlotActions();
  const [date, setDate] = useState(slot.date);
  const [time, setTime] = useState(slot.time);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
      setError(t('schedule.timeInvalid'));
      return;
    }
    if (mode === 'move') {
      moveSlot(slot, date, time);
      onDone();
      return;
    }
    try {
      await duplicateSlot(slot, date, time);
      notifySuccess(t('schedule.duplicated'));
      onDone();
    } catch {
      // Reported; the dialog stays.
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {slotLabel(slot, data, t, currentLanguage())}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <DateField
            label={t('schedule.fields.date')}
            value={date}
            onChange={(value) => setDate(value)}
            required
            autoFocus
            error={error}
          />
          <TimeField
            label={t('schedule.fields.time')}
            value={time}
            onChange={(value) => setTime(value)}
            required
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={duplicating}>
            {mode === 'move' ? t('schedule.moveSubmit') : t('schedule.duplicateSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
