export const clientTabs = [
  'plan',
  'insights',
  'reserve',
  'activity',
  'channels',
  'rubrics',
  'contacts',
  'settings',
] as const;
export type ClientTab = (typeof clientTabs)[number];
