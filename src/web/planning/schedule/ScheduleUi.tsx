import { createContext, useContext } from 'react';

/** The dialogs of the schedule, opened from the calendar, the list and the slot menus. */
export type ScheduleDialog =
  | { kind: 'create'; date: string }
  | { kind: 'edit' | 'move' | 'duplicate' | 'put' | 'delete'; slotId: string };

const ScheduleUiContext = createContext<(dialog: ScheduleDialog) => void>(() => {});
export const ScheduleUiProvider = ScheduleUiContext.Provider;
export const useOpenDialog = () => useContext(ScheduleUiContext);
