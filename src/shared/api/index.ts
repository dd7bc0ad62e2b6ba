export * from './clientPlans.ts';
export * from './clients.ts';
export * from './common.ts';
export * from './facts.ts';
export * from './me.ts';
export * from './meetings.ts';
export * from './members.ts';
export * from './planning.ts';
