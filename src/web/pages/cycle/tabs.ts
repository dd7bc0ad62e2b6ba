export const cycleTabs = ['schedule', 'topics', 'meeting', 'facts', 'cadence', 'reserve'] as const;
export type CycleTab = (typeof cycleTabs)[number];
