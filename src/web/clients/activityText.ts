import type { TFunction } from 'i18next';
import type { ActivityEvent } from '../../shared/api/index.ts';
import { clientRoles } from '../../shared/roles.ts';
import { networkLabel } from '../lib/channelLabels.ts';
import { roleLabel } from '../lib/roles.ts';

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

function role(value: unknown, t: TFunction): string {
  const r = text(value);
  // Mid-sentence, a role is a common noun: "joined as approver".
  return (clientRoles as readonly string[]).includes(r)
    ? roleLabel(r as (typeof clientRoles)[number], t).toLocaleLowerCase()
    : r;
}

function change(value: unknown): { from: string; to: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { from, to } = value as { from?: unknown; to?: unknown };
  return { from: text(from), to: text(to) };
}

/** One sentence per activity event, in the reader's language. Unknown types show as they are. */
export function describeEvent(event: ActivityEvent, t: TFunction): string[] {
  const d = event.data;
  const channel = () => ({ network: networkLabel(text(d.network), t), handle: text(d.handle) });
  switch (event.type) {
    case 'client.created':
      return [t('events.clientCreated')];
    case 'client.updated': {
      const changes = (typeof d.changes === 'object' && d.changes !== null ? d.changes : {}) as Record<
        string,
        unknown
      >;
      const lines: string[] = [];
      const name = change(changes.name);
      const timezone = change(changes.timezone);
      if (name) lines.push(t('events.clientRenamed', name));
      if (timezone) lines.push(t('events.clientTimezone', timezone));
      return lines.length ? lines : [t('events.clientUpdated')];
    }
    case 'client.archived':
      return [t('events.clientArchived')];
    case 'client.unarchived':
      return [t('events.clientUnarchived')];
    case 'channel.created':
      return [t('events.channelCreated', channel())];
    case 'channel.updated':
      return [t('events.channelUpdated', channel())];
    case 'channel.deleted':
      return [t('events.channelDeleted', channel())];
    case 'rubric.created':
      return [t('events.rubricCreated', { name: text(d.name) })];
    case 'rubric.updated':
      return [t('events.rubricUpdated', { name: text(d.name) })];
    case 'rubric.deleted':
      return [t('events.rubricDeleted', { name: text(d.name) })];
    case 'contact.invited':
      return [t('events.contactInvited', { email: text(d.email), role: role(d.role, t) })];
    case 'contact.joined':
      return [t('events.contactJoined', { name: text(d.name), role: role(d.role, t) })];
    case 'contact.role_changed':
      return [
        t('events.contactRoleChanged', { name: text(d.name), from: role(d.from, t), to: role(d.to, t) }),
      ];
    case 'contact.removed':
      return [t('events.contactRemoved', { name: text(d.name) })];
    case 'invitation.revoked':
      return [t('events.invitationRevoked', { email: text(d.email) })];
    case 'fact_request.sent':
      return [t('events.factRequestSent', { month: text(d.month) })];
    case 'fact_request.completed':
      return [t('events.factRequestCompleted', { month: text(d.month) })];
    case 'fact_request.reopened':
      return [t('events.factRequestReopened', { month: text(d.month) })];
    case 'fact_request.reminded':
      return [t('events.factRequestReminded', { month: text(d.month), count: Number(d.items) || 0 })];
    case 'fact_item.answered':
      return [t('events.factAnswered', { question: text(d.question) })];
    case 'fact_item.accepted':
      return [t('events.factAccepted', { question: text(d.question) })];
    case 'fact_item.follow_up':
      return [t('events.factFollowUp', { question: text(d.question) })];
    case 'fact_file.added':
      return [t('events.factFileAdded', { name: text(d.name) })];
    default:
      return [event.type];
  }
}

/** The colour to show beside rubric events, when the event carries a valid one. */
export function eventColor(event: ActivityEvent): string | null {
  const color = event.data.color;
  return event.type.startsWith('rubric.') && typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color)
    ? color
    : null;
}
