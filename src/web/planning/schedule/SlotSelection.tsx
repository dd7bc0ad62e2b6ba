import { Button, Checkbox, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { useDeleteSlots } from '../mutations.ts';
import { byDateTime, slotLabel, usePlanData } from '../PlanContext.tsx';

/**
 * The schedule's selection mode: every slot as a checkbox (a list the keyboard walks with Tab
 * and Space), then "Delete N slots" asked once and sent as one request. A topic in a deleted
 * slot goes back to the topics without a slot, as with a single delete.
 */
export function SlotSelection({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const data = usePlanData();
  const remove = useDeleteSlots(data.cycle.id);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, { open, close }] = useDisclosure(false);
  const slots = [...data.plan.slots].sort(byDateTime);
  // Slots deleted meanwhile (live updates) drop out of the selection.
  const selected = slots.filter((s) => chosen.has(s.id)).map((s) => s.id);
  const count = selected.length;

  const toggle = (id: string, on: boolean) =>
    setChosen((set) => {
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const confirm = () =>
    remove.mutate(selected, {
      onSuccess: ({ deleted }) => {
        close();
        setChosen(new Set());
        notifySuccess(t('schedule.deletedMany', { count: deleted }));
      },
      onError: (error) => {
        close();
        notifyError(error, t);
      },
    });

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('schedule.selectHint')}
      </Text>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => setChosen(new Set(count === slots.length ? [] : slots.map((s) => s.id)))}
            disabled={slots.length === 0}
          >
            {count === slots.length && count > 0 ? t('schedule.selectNone') : t('schedule.selectAll')}
          </Button>
          <Text size="sm" role="status">
            {t('schedule.selected', { count })}
          </Text>
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            disabled={count === 0}
            onClick={open}
          >
            {t('schedule.deleteSelected', { count })}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('schedule.selectDone')}
          </Button>
        </Group>
      </Group>
      {slots.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('schedule.empty')}
        </Text>
      ) : (
        <Paper withBorder radius="md" p="xs" component="fieldset" style={{ margin: 0 }}>
          <legend className="visually-hidden">{t('schedule.select')}</legend>
          <Stack gap={6}>
            {slots.map((slot) => {
              const topic = slot.topicId ? data.topicById.get(slot.topicId) : undefined;
              return (
                <Checkbox
                  key={slot.id}
                  checked={chosen.has(slot.id)}
                  onChange={(e) => toggle(slot.id, e.currentTarget.checked)}
                  label={slotLabel(slot, data, t, language)}
                  description={topic?.title}
                  data-testid="slot-select"
                />
              );
            })}
          </Stack>
        </Paper>
      )}
      <Modal opened={confirming} onClose={close} title={t('schedule.deleteSelectedTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('schedule.deleteSelectedConfirm', { count })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={confirm} loading={remove.isPending} data-autofocus>
              {t('schedule.deleteSelected', { count })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
