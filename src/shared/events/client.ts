import { z } from 'zod';
import { linkKind } from '../api/links.ts';
import { clientRoles } from '../roles.ts';
import { invitedRole } from './agency.ts';
import { defineEvent } from './audience.ts';

const channel = z.object({ network: z.string(), handle: z.string() });
const rubric = z.object({ name: z.string(), color: z.string() });
const factTemplate = z.object({ rubricId: z.string(), question: z.string() });
const nothing = z.object({});

/**
 * A client's settings and people. Contacts see the client's channels, rubrics and fellow
 * contacts anyway, so those changes are theirs to read; invitations (with their emails),
 * archiving, calendar feeds, imported history and fact templates are the agency's desk.
 */
export const clientEvents = {
  'client.created': defineEvent('client', z.object({ name: z.string(), timezone: z.string() }), 'everyone'),
  'client.updated': defineEvent(
    'client',
    z.object({ changes: z.record(z.string(), z.object({ from: z.string(), to: z.string() })) }),
    'clientFacingChange',
  ),
  'client.archived': defineEvent('client', nothing, 'team'),
  'client.unarchived': defineEvent('client', nothing, 'team'),
  'channel.created': defineEvent('channel', channel, 'everyone'),
  'channel.updated': defineEvent('channel', channel, 'everyone'),
  'channel.deleted': defineEvent('channel', channel, 'everyone'),
  'rubric.created': defineEvent('rubric', rubric, 'everyone'),
  'rubric.updated': defineEvent('rubric', rubric, 'everyone'),
  'rubric.deleted': defineEvent('rubric', rubric, 'everyone'),
  'contact.invited': defineEvent('invitation', z.object({ email: z.string(), role: invitedRole }), 'team'),
  'invitation.revoked': defineEvent('invitation', z.object({ email: z.string() }), 'team'),
  'contact.joined': defineEvent('user', z.object({ name: z.string(), role: invitedRole }), 'everyone'),
  'contact.role_changed': defineEvent(
    'user',
    z.object({ name: z.string(), from: z.enum(clientRoles), to: z.enum(clientRoles) }),
    'everyone',
  ),
  'contact.removed': defineEvent('user', z.object({ name: z.string() }), 'everyone'),
  // "Copy the client's link": who copied is the event's actor; the link itself is never stored.
  'contact.link_copied': defineEvent(
    'user',
    z.object({ name: z.string(), kind: linkKind, subjectId: z.string() }),
    'team',
  ),
  'calendar_feed.created': defineEvent('client', nothing, 'team'),
  'calendar_feed.revoked': defineEvent('client', nothing, 'team'),
  'insights.history_imported': defineEvent('client', z.object({ months: z.array(z.string()) }), 'team'),
  'fact_template.created': defineEvent('fact_template', factTemplate, 'team'),
  'fact_template.updated': defineEvent('fact_template', factTemplate, 'team'),
  'fact_template.deleted': defineEvent('fact_template', factTemplate, 'team'),
};
