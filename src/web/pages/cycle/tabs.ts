export const cycleTabs = ['schedule', 'topics', 'meeting', 'cadence', 'reserve'] as const;
export type CycleTab = (typeof cycleTabs)[number];
