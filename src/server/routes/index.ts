import type { RouteModule } from '../context.ts';
import { authRoutes } from './auth.ts';
import { channelRoutes } from './channels.ts';
import { clientRoutes } from './clients.ts';
import { contactRoutes } from './contacts.ts';
import { eventRoutes } from './events.ts';
import { healthRoutes } from './health.ts';
import { invitationRoutes } from './invitations.ts';
import { liveRoutes } from './live.ts';
import { meRoutes } from './me.ts';
import { memberRoutes } from './members.ts';
import { outboxRoutes } from './outbox.ts';
import { rubricRoutes } from './rubrics.ts';
import { setupRoutes } from './setup.ts';

export const routeModules: RouteModule[] = [
  healthRoutes,
  setupRoutes,
  authRoutes,
  meRoutes,
  clientRoutes,
  channelRoutes,
  rubricRoutes,
  contactRoutes,
  eventRoutes,
  memberRoutes,
  invitationRoutes,
  outboxRoutes,
  liveRoutes,
];
