export const cycleTabs = [
  'schedule',
  'topics',
  'meeting',
  'facts',
  'posts',
  'changes',
  'cadence',
  'reserve',
] as const;
export type CycleTab = (typeof cycleTabs)[number];
