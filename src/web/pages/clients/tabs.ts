export const clientTabs = ['activity', 'channels', 'rubrics', 'contacts', 'settings'] as const;
export type ClientTab = (typeof clientTabs)[number];
