export * from './agencies.ts';
export * from './clientPlans.ts';
export * from './clients.ts';
export * from './events.ts';
export * from './identity.ts';
export * from './invitations.ts';
export * from './meetings.ts';
export * from './planning.ts';
