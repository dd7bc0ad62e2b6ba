import type { TFunction } from 'i18next';
import { type PlitEvent, readEvent } from '../../shared/events/index.ts';
import { type Network, networks } from '../../shared/roles.ts';
import type { Language } from '../i18n/index.ts';
import { formatDayLong, formatMonthInText } from './dates.ts';
import { type AnyRole, roleLabel } from './roles.ts';

type ClientChanges = Extract<PlitEvent, { type: 'client.updated' }>['data']['changes'];

/** The lines of a change of the client's settings: each one the agency made, in a sentence. */
function clientChanges(changes: ClientChanges, t: TFunction, language: Language): string[] {
  const lines: string[] = [];
  for (const [key, { from, to }] of Object.entries(changes)) {
    if (key === 'name') lines.push(t('events.clientRenamed', { from, to }));
    else if (key === 'timezone') lines.push(t('events.clientTimezone', { from, to }));
    else if (key === 'stageDays') lines.push(t('events.clientStageDays'));
    else if (key === 'factReminders') lines.push(t('events.clientFactReminders'));
    else if (key === 'approvalLeadDays') lines.push(t('events.clientApprovalLeadDays', { days: to }));
    else if (key === 'language') {
      // Mid-sentence a language is a common noun: "мову клієнта: англійська".
      const name = t(to === 'en' ? 'client.language.en' : 'client.language.uk');
      lines.push(
        t('events.clientLanguage', { language: language === 'uk' ? name.toLocaleLowerCase('uk') : name }),
      );
    } else if (key === 'postInternalReview')
      lines.push(t(to === 'true' ? 'events.clientInternalReviewOn' : 'events.clientInternalReviewOff'));
    else if (key === 'coCreationSince')
      lines.push(
        /^\d{4}-\d{2}$/.test(to)
          ? t('events.clientCoCreationSince', { month: formatMonthInText(to, language) })
          : t('events.clientCoCreationCleared'),
      );
  }
  return lines.length ? lines : [t('events.clientUpdated')];
}

/** What a catalogue event says, in the reader's language: one sentence, or one per change. */
function sentences(event: PlitEvent, t: TFunction, language: Language): string[] {
  // Mid-sentence, a role is a common noun: "joined as approver".
  const role = (r: AnyRole) => roleLabel(r, t).toLocaleLowerCase(language);
  const month = (m: string) => formatMonthInText(m, language);
  const day = (date: string) => formatDayLong(date, language);
  const network = (n: string) =>
    (networks as readonly string[]).includes(n) ? t(`networks.${n as Network}`) : n;
  const stage = (s: Parameters<typeof stageLabel>[0]) => stageLabel(s, t);

  switch (event.type) {
    case 'agency.created':
      return [t('events.agencyCreated', { name: event.data.name })];
    case 'member.invited':
      return [t('events.memberInvited', { email: event.data.email, role: role(event.data.role) })];
    case 'member.joined':
      return [t('events.memberJoined', { name: event.data.name, role: role(event.data.role) })];
    case 'member.role_changed': {
      const { name, from, to } = event.data;
      return [t('events.memberRoleChanged', { name, from: role(from), to: role(to) })];
    }
    case 'member.removed':
      return [t('events.memberRemoved', { name: event.data.name })];

    case 'client.created':
      return [t('events.clientCreated')];
    case 'client.updated':
      return clientChanges(event.data.changes, t, language);
    case 'client.archived':
      return [t('events.clientArchived')];
    case 'client.unarchived':
      return [t('events.clientUnarchived')];
    case 'channel.created':
      return [
        t('events.channelCreated', { network: network(event.data.network), handle: event.data.handle }),
      ];
    case 'channel.updated':
      return [
        t('events.channelUpdated', { network: network(event.data.network), handle: event.data.handle }),
      ];
    case 'channel.deleted':
      return [
        t('events.channelDeleted', { network: network(event.data.network), handle: event.data.handle }),
      ];
    case 'rubric.created':
      return [t('events.rubricCreated', { name: event.data.name })];
    case 'rubric.updated':
      return [t('events.rubricUpdated', { name: event.data.name })];
    case 'rubric.deleted':
      return [t('events.rubricDeleted', { name: event.data.name })];
    case 'contact.invited':
      return [t('events.contactInvited', { email: event.data.email, role: role(event.data.role) })];
    case 'invitation.revoked':
      return [t('events.invitationRevoked', { email: event.data.email })];
    case 'contact.joined':
      return [t('events.contactJoined', { name: event.data.name, role: role(event.data.role) })];
    case 'contact.role_changed': {
      const { name, from, to } = event.data;
      return [t('events.contactRoleChanged', { name, from: role(from), to: role(to) })];
    }
    case 'contact.removed':
      return [t('events.contactRemoved', { name: event.data.name })];
    case 'contact.link_copied':
      return [t(`events.linkCopied.${event.data.kind}`, { name: event.data.name })];
    case 'calendar_feed.created':
      return [t('events.calendarFeedCreated')];
    case 'calendar_feed.revoked':
      return [t('events.calendarFeedRevoked')];
    case 'insights.history_imported':
      return [t('events.historyImported', { count: event.data.months.length })];
    case 'fact_template.created':
      return [t('events.factTemplateCreated', { question: event.data.question })];
    case 'fact_template.updated':
      return [t('events.factTemplateUpdated', { question: event.data.question })];
    case 'fact_template.deleted':
      return [t('events.factTemplateDeleted', { question: event.data.question })];

    case 'cycle.started':
      return [t('events.cycleStarted', { month: month(event.data.month) })];
    case 'cycle.shared':
      return [t('events.cycleShared', { month: month(event.data.month) })];
    case 'cycle.stage_changed': {
      const { from, to } = event.data;
      return [
        t('events.cycleStageChanged', { month: month(event.data.month), from: stage(from), to: stage(to) }),
      ];
    }
    case 'cycle.deadlines_changed':
      return [t('events.cycleDeadlinesChanged', { month: month(event.data.month) })];

    case 'cadence.updated':
      return [t('events.cadenceUpdated', { month: month(event.data.month) })];
    case 'cadence.applied':
      return [t('events.cadenceApplied', { count: event.data.created })];
    case 'slot.created': {
      const { date, time, copyOf } = event.data;
      return [t(copyOf ? 'events.slotCopied' : 'events.slotCreated', { day: day(date), time })];
    }
    case 'slot.updated':
      return [t('events.slotUpdated', { day: day(event.data.date), time: event.data.time })];
    case 'slot.deleted':
      return [t('events.slotDeleted')];
    case 'slot.topic_placed':
      return [t('events.slotTopicPlaced')];
    case 'slot.topic_removed':
      return [t('events.slotTopicRemoved')];
    case 'topic.created':
      return [t('events.topicCreated', { title: event.data.title })];
    case 'topic.updated': {
      const { title, changed, status } = event.data;
      if (status) return [t(`events.topicStatus.${status}`, { title })];
      return [t(changed.length ? 'events.topicUpdated' : 'events.topicReordered', { title })];
    }
    case 'topic.deleted':
      return [t('events.topicDeleted', { title: event.data.title })];
    case 'topic.parked':
      return [t('events.topicParked', { title: event.data.title })];
    case 'topic.pulled':
      return [t('events.topicPulled', { title: event.data.title })];
    case 'topics.imported':
      return [t('events.topicsImported', { count: event.data.count })];
    case 'client_plan.created':
      return [t('events.clientPlanCreated', { title: event.data.title })];
    case 'client_plan.updated':
      return [t('events.clientPlanUpdated', { title: event.data.title })];
    case 'client_plan.deleted':
      return [t('events.clientPlanDeleted', { title: event.data.title })];
    case 'contingency.created':
      return [t('events.contingencyCreated', { plan: event.data.planTitle })];
    case 'contingency.updated':
      return [t('events.contingencyUpdated')];
    case 'contingency.deleted':
      return [t('events.contingencyDeleted')];

    case 'meeting.scheduled':
      return [t(`events.meetingScheduled.${event.data.format}`, { month: month(event.data.month) })];
    case 'meeting.updated':
      return [t(event.data.moved ? 'events.meetingMoved' : 'events.meetingUpdated')];
    case 'meeting.started':
      return [t(event.data.format === 'async' ? 'events.meetingStartedAsync' : 'events.meetingStarted')];
    case 'meeting.facilitator_changed':
      return [t('events.facilitatorChanged', { name: event.data.facilitatorName })];
    case 'meeting.timer':
      return [
        t(
          event.data.because === 'focus_moved'
            ? 'events.timer.pausedOnMove'
            : `events.timer.${event.data.action}`,
        ),
      ];
    case 'meeting.ended':
      return [t('events.meetingEnded', { month: month(event.data.month) })];
    case 'agenda.changed':
      return [t(event.data.removed ? 'events.agendaItemRemoved' : 'events.agendaChanged')];
    case 'meeting.question_asked':
      return [t('events.questionAsked')];
    case 'meeting.question_changed':
      return [t(`events.questionChanged.${event.data.status}`)];
    case 'meeting.voted':
      return [t('events.voted')];
    case 'meeting.reacted':
      return [t('events.reacted')];
    case 'meeting.idea_added':
      return [t('events.ideaAdded', { title: event.data.title })];
    case 'meeting.decided':
      return [t(`events.decided.${event.data.kind}`, { title: event.data.title })];
    case 'meeting.commented':
      return [t(`events.reviewComment.${event.data.verdict ?? 'comment'}`)];

    case 'fact_request.drafted':
      return [t('events.factRequestDrafted', { month: month(event.data.month) })];
    case 'fact_request.sent':
      return [t('events.factRequestSent', { month: month(event.data.month) })];
    case 'fact_request.completed':
      return [t('events.factRequestCompleted', { month: month(event.data.month) })];
    case 'fact_request.reopened':
      return [t('events.factRequestReopened', { month: month(event.data.month) })];
    case 'fact_request.reminded':
      return [t('events.factRequestReminded', { month: month(event.data.month), count: event.data.items })];
    case 'fact_request.resent':
      return [t('events.factRequestResent', { month: month(event.data.month), count: event.data.contacts })];
    case 'fact_item.created':
      return [t('events.factItemCreated')];
    case 'fact_item.updated':
      return [t('events.factItemUpdated')];
    case 'fact_item.deleted':
      return [t('events.factItemDeleted')];
    case 'fact_item.answered':
      return [t('events.factAnswered', { question: event.data.question })];
    case 'fact_item.accepted':
      return [t('events.factAccepted', { question: event.data.question })];
    case 'fact_item.follow_up':
      return [t('events.factFollowUp', { question: event.data.question })];
    case 'fact_item.message':
      return [t(`events.factMessage.${event.data.side}`)];
    case 'fact_file.added':
      return [t('events.factFileAdded', { name: event.data.name })];
    case 'fact_file.removed':
      return [t('events.factFileRemoved', { name: event.data.name })];

    case 'post.created':
      return [t('events.postCreated')];
    case 'post.updated':
      return [t(event.data.fields.includes('publishAt') ? 'events.postMoved' : 'events.postUpdated')];
    case 'post.status_changed':
      return [t(`events.postStatus.${event.data.to}`, { round: event.data.round })];
    case 'post.asset_added':
      return [t('events.postAssetAdded', { name: event.data.name })];
    case 'post.asset_removed':
      return [t('events.postAssetRemoved', { name: event.data.name })];
    case 'post.commented':
      return [t('events.postCommented')];
    case 'post.comment_resolved':
      return [t(event.data.resolved ? 'events.postCommentResolved' : 'events.postCommentReopened')];
    case 'post.situational_added':
      return [t('events.situationalAdded')];
    case 'post.contingency_activated':
      return [t('events.contingencyActivated', { concept: event.data.concept })];
    case 'post.replaced':
      return [t('events.postReplaced')];
    case 'post.rewrite_logged':
      return [t('events.rewriteLogged')];

    default:
      return unhandled(event, t);
  }
}

/** Every type of the catalogue has its sentence: a new type without one fails to compile here. */
const unhandled = (_event: never, t: TFunction) => [t('events.other')];

const stageLabel = (
  s: Extract<PlitEvent, { type: 'cycle.stage_changed' }>['data']['from'],
  t: TFunction,
): string => t(`cycle.stages.${s}`);

/**
 * One sentence per activity event (or per change, for the client's settings), in the reader's
 * language. A type or data this version of Plit does not know reads "Something changed": the
 * raw type never reaches the screen.
 */
export function describeEvent(
  event: { type: string; data: unknown },
  t: TFunction,
  language: Language,
): string[] {
  const known = readEvent(event);
  return known ? sentences(known, t, language) : [t('events.other')];
}

/** The colour to show beside rubric events, when the event carries a valid one. */
export function eventColor(event: { type: string; data: unknown }): string | null {
  const known = readEvent(event);
  if (
    known?.type !== 'rubric.created' &&
    known?.type !== 'rubric.updated' &&
    known?.type !== 'rubric.deleted'
  )
    return null;
  return /^#[0-9a-fA-F]{6}$/.test(known.data.color) ? known.data.color : null;
}
