export const cycleTabs = ['schedule', 'topics', 'cadence', 'reserve'] as const;
export type CycleTab = (typeof cycleTabs)[number];
