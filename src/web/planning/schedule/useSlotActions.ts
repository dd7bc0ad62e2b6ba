import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Plan, Slot } from '../../../shared/api/index.ts';
import { notifyError } from '../../lib/errors.ts';
import { useDeleteSlot, useDuplicateSlot, usePlaceTopic, useUpdateSlot } from '../mutations.ts';
import { usePlanData } from '../PlanContext.tsx';
import { planKeys } from '../queries.ts';
import { reportQuickError } from '../staleNotice.tsx';

/**
 * The quick changes of the schedule, shared by drag and drop and the keyboard menus. A stale
 * version offers to apply the change again on the refetched slot.
 */
export function useSlotActions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { cycle } = usePlanData();
  const update = useUpdateSlot(cycle.id);
  const place = usePlaceTopic(cycle.id);
  const remove = useDeleteSlot(cycle.id);
  const duplicate = useDuplicateSlot(cycle.id);
  const latest = (slotId: string) =>
    queryClient.getQueryData<Plan>(planKeys.plan(cycle.id))?.slots.find((s) => s.id === slotId);

  const moveSlot = (slot: Slot, date: string, time = slot.time) => {
    if (slot.date === date && slot.time === time) return;
    update.mutate(
      { id: slot.id, date, time, version: slot.version },
      {
        onError: (error) =>
          reportQuickError(error, t, () => {
            const fresh = latest(slot.id);
            if (fresh) moveSlot(fresh, date, time);
          }),
      },
    );
  };

  const placeTopic = (slot: Slot, topicId: string | null) => {
    if (slot.topicId === topicId) return;
    if (topicId && slot.topicId) {
      notifications.show({ color: 'orange', title: t('errors.title'), message: t('schedule.slotTaken') });
      return;
    }
    place.mutate(
      { slotId: slot.id, topicId, version: slot.version },
      {
        onError: (error) =>
          reportQuickError(error, t, () => {
            const fresh = latest(slot.id);
            if (fresh) placeTopic(fresh, topicId);
          }),
      },
    );
  };

  const deleteSlot = (slot: Slot) =>
    remove.mutateAsync(slot.id, { onError: (error) => notifyError(error, t) });

  const duplicateSlot = (slot: Slot, date: string, time: string) =>
    duplicate.mutateAsync({ id: slot.id, date, time }, { onError: (error) => notifyError(error, t) });

  return {
    moveSlot,
    placeTopic,
    deleteSlot,
    duplicateSlot,
    deleting: remove.isPending,
    duplicating: duplicate.isPending,
  };
}
