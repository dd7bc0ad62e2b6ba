import { useMemo } from 'react';
import { buildPlanData, PlanProvider } from '../../../planning/PlanContext.tsx';
import { ScheduleDialogs } from '../../../planning/schedule/ScheduleDialogs.tsx';
import type { ScheduleDialog } from '../../../planning/schedule/ScheduleUi.tsx';
import { useRoom } from '../RoomContext.tsx';

/**
 * The cycle page's slot dialogs, opened from the room: the same forms read the plan the room
 * already holds, and their changes refresh the room's plan query like any other plan change.
 */
export function RoomScheduleDialogs({
  dialog,
  onClose,
}: {
  dialog: ScheduleDialog | null;
  onClose: () => void;
}) {
  const { plan, client, channels, rubrics } = useRoom();
  const data = useMemo(
    () => buildPlanData(plan, client, channels, rubrics),
    [plan, client, channels, rubrics],
  );
  return (
    <PlanProvider value={data}>
      <ScheduleDialogs dialog={dialog} onClose={onClose} />
    </PlanProvider>
  );
}
