import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { notifySuccess } from '../../lib/errors.ts';
import { slotLabel, usePlanData } from '../PlanContext.tsx';
import { PutTopicForm } from './PutTopicForm.tsx';
import type { ScheduleDialog } from './ScheduleUi.tsx';
import { SlotDateForm } from './SlotDateForm.tsx';
import { SlotForm } from './SlotForm.tsx';
import { useSlotActions } from './useSlotActions.ts';

/**
 * The schedule's dialogs. A slot is always read fresh from the plan by id, so a form shows
 * the newest saved version after a refetch; a slot deleted meanwhile closes its dialog.
 */
export function ScheduleDialogs({ dialog, onClose }: { dialog: ScheduleDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const slot =
    dialog && dialog.kind !== 'create' ? data.plan.slots.find((s) => s.id === dialog.slotId) : undefined;
  const opened = dialog !== null && (dialog.kind === 'create' || slot !== undefined);
  const kind = dialog?.kind;
  const title =
    kind === 'create'
      ? t('schedule.add')
      : kind === 'edit'
        ? t('schedule.edit')
        : kind === 'move'
          ? t('schedule.menu.move')
          : kind === 'duplicate'
            ? t('schedule.menu.duplicate')
            : kind === 'put'
              ? t('schedule.menu.putTopic')
              : t('schedule.deleteTitle');

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      {dialog?.kind === 'create' && <SlotForm date={dialog.date} onDone={onClose} />}
      {slot && kind === 'edit' && <SlotForm slot={slot} onDone={onClose} />}
      {slot && (kind === 'move' || kind === 'duplicate') && (
        <SlotDateForm slot={slot} mode={kind} onDone={onClose} />
      )}
      {slot && kind === 'put' && <PutTopicForm slot={slot} onDone={onClose} />}
      {slot && kind === 'delete' && <DeleteSlot slotId={slot.id} onDone={onClose} />}
    </Modal>
  );
}

function DeleteSlot({ slotId, onDone }: { slotId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const { deleteSlot, deleting } = useSlotActions();
  const slot = data.plan.slots.find((s) => s.id === slotId);
  if (!slot) return null;
  const topic = slot.topicId ? data.topicById.get(slot.topicId) : undefined;
  const confirm = async () => {
    try {
      await deleteSlot(slot);
      notifySuccess(t('schedule.deleted'));
      onDone();
    } catch {
      // Reported; the dialog stays.
    }
  };
  return (
    <>
      <Text size="sm">{slotLabel(slot, data, t, currentLanguage())}</Text>
      {topic && (
        <Text size="sm" mt="xs">
          {t('schedule.deleteKeepsTopic', { title: topic.title })}
        </Text>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={() => void confirm()} loading={deleting}>
          {t('common.delete')}
        </Button>
      </Group>
    </>
  );
}
