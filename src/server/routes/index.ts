import { collabRoutes } from '../collab/route.ts';
import type { RouteModule } from '../context.ts';
import { agendaRoutes } from './agenda.ts';
import { authRoutes } from './auth.ts';
import { cadenceRoutes } from './cadence.ts';
import { calendarFeedRoutes } from './calendarFeed.ts';
import { channelRoutes } from './channels.ts';
import { clientPlanRoutes } from './clientPlans.ts';
import { clientRoutes } from './clients.ts';
import { contactRoutes } from './contacts.ts';
import { cycleRoutes } from './cycles.ts';
import { eventRoutes } from './events.ts';
import { exportRoutes } from './exports.ts';
import { factAnswerRoutes } from './factAnswers.ts';
import { factFileRoutes } from './factFiles.ts';
import { factPackRoutes } from './factPacks.ts';
import { factRequestRoutes } from './factRequests.ts';
import { factTemplateRoutes } from './factTemplates.ts';
import { healthRoutes } from './health.ts';
import { holidayRoutes } from './holidays.ts';
import { insightRoutes } from './insights.ts';
import { invitationRoutes } from './invitations.ts';
import { linkRoutes } from './links.ts';
import { liveRoutes } from './live.ts';
import { meRoutes } from './me.ts';
import { meetingDecisionRoutes } from './meetingDecisions.ts';
import { meetingExportRoutes } from './meetingExports.ts';
import { meetingRoutes } from './meetings.ts';
import { meetingVoteRoutes } from './meetingVotes.ts';
import { memberRoutes } from './members.ts';
import { notificationRoutes } from './notifications.ts';
import { outboxRoutes } from './outbox.ts';
import { postAssetRoutes } from './postAssets.ts';
import { postCommentRoutes } from './postComments.ts';
import { postRoutes } from './posts.ts';
import { questionRoutes } from './questions.ts';
import { reserveRoutes } from './reserve.ts';
import { reviewCommentRoutes } from './reviewComments.ts';
import { rubricRoutes } from './rubrics.ts';
import { setupRoutes } from './setup.ts';
import { slotRoutes } from './slots.ts';
import { todoRoutes } from './todo.ts';
import { topicImportRoutes } from './topicImport.ts';
import { topicRoutes } from './topics.ts';
import { unplannedChangeRoutes } from './unplannedChanges.ts';

export const routeModules: RouteModule[] = [
  healthRoutes,
  setupRoutes,
  authRoutes,
  meRoutes,
  clientRoutes,
  todoRoutes,
  channelRoutes,
  rubricRoutes,
  contactRoutes,
  eventRoutes,
  memberRoutes,
  invitationRoutes,
  linkRoutes,
  outboxRoutes,
  liveRoutes,
  collabRoutes,
  cycleRoutes,
  slotRoutes,
  cadenceRoutes,
  topicRoutes,
  reserveRoutes,
  holidayRoutes,
  exportRoutes,
  calendarFeedRoutes,
  topicImportRoutes,
  clientPlanRoutes,
  meetingRoutes,
  agendaRoutes,
  meetingVoteRoutes,
  meetingDecisionRoutes,
  questionRoutes,
  reviewCommentRoutes,
  meetingExportRoutes,
  factRequestRoutes,
  factTemplateRoutes,
  factAnswerRoutes,
  factFileRoutes,
  factPackRoutes,
  notificationRoutes,
  postRoutes,
  postCommentRoutes,
  postAssetRoutes,
  unplannedChangeRoutes,
  insightRoutes,
];
