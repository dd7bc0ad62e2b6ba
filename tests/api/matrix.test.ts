import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../src/server/auth/tokens.ts';
import {
  agendaItems,
  channels,
  clientPlans,
  contingencies,
  cycles,
  factFiles,
  factItems,
  factRequests,
  factTemplates,
  invitations,
  meetingQuestions,
  meetings,
  outbox,
  postAssets,
  postComments,
  posts,
  postVersions,
  slots,
  topics,
} from '../../src/server/db/schema/index.ts';
import { createDiskStorage, filesDirOf, newFileKey } from '../../src/server/files/storage.ts';
import { allEndpoints } from '../../src/shared/api/catalogue.ts';
import { fromNewAddress } from '../support/addresses.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency, makeContact, type TestAgency, type TestUser } from '../support/factories.ts';
import { raw } from '../support/http.ts';
import { makePng, multipart } from '../support/uploads.ts';

/**
 * Every authenticated route × every kind of person. Each cell runs against a fresh pair of
 * agencies, so a cell that deletes something cannot change the next cell's answer.
 */
const actors = [
  'anonymous',
  'owner',
  'contentManager',
  'creator',
  'approver',
  'contributor',
  'otherClientApprover',
  'outsider',
] as const;
type ActorName = (typeof actors)[number];
/**
 * What each actor is answered. The client's contributor reads and comments like an approver
 * unless a row says otherwise (approving is the approver's alone).
 */
type Expect = Record<Exclude<ActorName, 'contributor'>, number> & { contributor?: number };
const expected = (e: Expect, actor: ActorName): number =>
  actor === 'contributor' ? (e.contributor ?? e.approver) : e[actor];

const readClient: Expect = {
  anonymous: 401,
  owner: 200,
  contentManager: 200,
  creator: 200,
  approver: 200,
  otherClientApprover: 404,
  outsider: 404,
};
const writeClient: Expect = {
  anonymous: 401,
  owner: 200,
  contentManager: 200,
  creator: 403,
  approver: 403,
  otherClientApprover: 404,
  outsider: 404,
};
const createUnderClient: Expect = { ...writeClient, owner: 201, contentManager: 201 };
const contribute: Expect = { ...readClient, owner: 201, contentManager: 201, creator: 201, approver: 201 };
const self: Expect = {
  anonymous: 401,
  owner: 200,
  contentManager: 200,
  creator: 200,
  approver: 200,
  otherClientApprover: 200,
  outsider: 200,
};
const agencyOnly: Expect = { ...self, approver: 403, otherClientApprover: 403 };
const ownersOnly: Expect = {
  anonymous: 401,
  owner: 200,
  contentManager: 403,
  creator: 403,
  approver: 403,
  otherClientApprover: 403,
  outsider: 200,
};
const manageMember: Expect = { ...ownersOnly, outsider: 404 };
const managers: Expect = { ...agencyOnly, creator: 403 };
/** Answering is the client's: the agency may not answer for them. */
const answerItem: Expect = { ...readClient, owner: 403, contentManager: 403, creator: 403 };
const photo = multipart('пачка.png', makePng());
const requested = { urgency: 'today', requesterSide: 'client', requesterName: 'Олена', reason: 'Новина' };
const manageInvitation: Expect = {
  anonymous: 401,
  owner: 200,
  contentManager: 200,
  creator: 403,
  approver: 404,
  otherClientApprover: 404,
  outsider: 404,
};

interface World extends TestAgency {
  contributor: TestUser;
  invitationId: string;
  outboxMessageId: string;
  outsiderAgency: TestAgency;
  cycleId: string;
  slotId: string;
  topicId: string;
  reserveTopicId: string;
  spareChannelId: string;
  clientPlanId: string;
  contingencyId: string;
  meetingId: string;
  meetingTopicId: string;
  agendaItemId: string;
  questionId: string;
  scheduledMeetingId: string;
  reviewId: string;
  reviewTopicId: string;
  endedMeetingId: string;
  factRequestId: string;
  factItemId: string;
  factTemplateId: string;
  sentRequestId: string;
  openItemId: string;
  filesItemId: string;
  answeredItemId: string;
  factFileId: string;
  writeCycleId: string;
  writeSlotId: string;
  reviewPostId: string;
  draftPostId: string;
  postCommentId: string;
  postAssetId: string;
  writeContingencyId: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** As written in the OpenAPI document. */
  path: string;
  url: (w: World) => string;
  body?: (w: World) => unknown;
  headers?: Record<string, string>;
  expect: Expect;
}

const c = (w: World) => `/api/clients/${w.client.id}`;
const cy = (w: World) => `/api/cycles/${w.cycleId}`;
const m = (w: World) => `/api/meetings/${w.meetingId}`;
const rows: Row[] = [
  { method: 'GET', path: '/api/me', url: () => '/api/me', expect: self },
  { method: 'PATCH', path: '/api/me', url: () => '/api/me', body: () => ({ locale: 'en' }), expect: self },
  {
    method: 'POST',
    path: '/api/me/password',
    url: () => '/api/me/password',
    body: () => ({ currentPassword: 'correct horse battery', newPassword: 'a brand new password' }),
    expect: self,
  },
  { method: 'GET', path: '/api/sessions', url: () => '/api/sessions', expect: self },
  { method: 'DELETE', path: '/api/sessions', url: () => '/api/sessions', expect: self },
  // A session id that is nobody's: 404 for everyone signed in.
  {
    method: 'DELETE',
    path: '/api/sessions/{sessionId}',
    url: () => '/api/sessions/AAAAAAAAAAAAAAAA',
    expect: {
      ...self,
      owner: 404,
      contentManager: 404,
      creator: 404,
      approver: 404,
      otherClientApprover: 404,
      outsider: 404,
    },
  },
  { method: 'GET', path: '/api/clients', url: () => '/api/clients', expect: self },
  // Everyone signed in gets their own to-do (empty for someone who is nobody's contact).
  { method: 'GET', path: '/api/todo', url: () => '/api/todo', expect: self },
  {
    method: 'POST',
    path: '/api/clients',
    url: () => '/api/clients',
    body: () => ({ name: 'New brand' }),
    expect: { ...managers, owner: 201, contentManager: 201, outsider: 201 },
  },
  { method: 'GET', path: '/api/clients/{clientId}', url: c, expect: readClient },
  {
    method: 'PATCH',
    path: '/api/clients/{clientId}',
    url: c,
    body: () => ({ name: 'Renamed', version: 1 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/archive',
    url: (w) => `${c(w)}/archive`,
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/unarchive',
    url: (w) => `${c(w)}/unarchive`,
    expect: writeClient,
  },
  {
    method: 'GET',
    path: '/api/clients/{clientId}/channels',
    url: (w) => `${c(w)}/channels`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/channels',
    url: (w) => `${c(w)}/channels`,
    body: () => ({ network: 'tiktok', handle: '@new', formats: ['video'] }),
    expect: createUnderClient,
  },
  {
    method: 'PATCH',
    path: '/api/clients/{clientId}/channels/{channelId}',
    url: (w) => `${c(w)}/channels/${w.client.channel.id}`,
    body: () => ({ handle: '@renamed', version: 1 }),
    expect: writeClient,
  },
  {
    method: 'DELETE',
    path: '/api/clients/{clientId}/channels/{channelId}',
    // The world's slot uses the first channel (removing it answers 409), so remove the spare one.
    url: (w) => `${c(w)}/channels/${w.spareChannelId}`,
    expect: writeClient,
  },
  {
    method: 'GET',
    path: '/api/clients/{clientId}/rubrics',
    url: (w) => `${c(w)}/rubrics`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/rubrics',
    url: (w) => `${c(w)}/rubrics`,
    body: () => ({ name: 'Team', color: '#ff0000' }),
    expect: createUnderClient,
  },
  {
    method: 'PATCH',
    path: '/api/clients/{clientId}/rubrics/{rubricId}',
    url: (w) => `${c(w)}/rubrics/${w.client.rubric.id}`,
    body: () => ({ name: 'Products', version: 1 }),
    expect: writeClient,
  },
  {
    method: 'DELETE',
    path: '/api/clients/{clientId}/rubrics/{rubricId}',
    url: (w) => `${c(w)}/rubrics/${w.client.rubric.id}`,
    expect: writeClient,
  },
  {
    method: 'GET',
    path: '/api/clients/{clientId}/contacts',
    url: (w) => `${c(w)}/contacts`,
    expect: readClient,
  },
  {
    method: 'PATCH',
    path: '/api/clients/{clientId}/contacts/{userId}',
    url: (w) => `${c(w)}/contacts/${w.approver.id}`,
    body: () => ({ role: 'contributor' }),
    expect: writeClient,
  },
  {
    method: 'DELETE',
    path: '/api/clients/{clientId}/contacts/{userId}',
    url: (w) => `${c(w)}/contacts/${w.approver.id}`,
    expect: writeClient,
  },
  // Copying a contact's scoped link: the agency's managers only (writeClient's 200 is a 201 here).
  {
    method: 'POST',
    path: '/api/clients/{clientId}/contacts/{userId}/links',
    url: (w) => `${c(w)}/contacts/${w.approver.id}/links`,
    body: (w) => ({ kind: 'facts', subjectId: w.sentRequestId }),
    expect: { ...writeClient, owner: 201, contentManager: 201 },
  },
  { method: 'GET', path: '/api/clients/{clientId}/events', url: (w) => `${c(w)}/events`, expect: readClient },
  { method: 'GET', path: '/api/members', url: () => '/api/members', expect: agencyOnly },
  {
    method: 'PATCH',
    path: '/api/members/{userId}',
    url: (w) => `/api/members/${w.contentManager.id}`,
    body: () => ({ role: 'creator' }),
    expect: manageMember,
  },
  {
    method: 'DELETE',
    path: '/api/members/{userId}',
    url: (w) => `/api/members/${w.contentManager.id}`,
    expect: manageMember,
  },
  {
    method: 'GET',
    path: '/api/invitations',
    url: () => '/api/invitations',
    expect: { ...managers, outsider: 200 },
  },
  {
    method: 'POST',
    path: '/api/invitations',
    url: () => '/api/invitations',
    body: (w) => ({ email: 'new.contact@example.com', role: 'approver', clientId: w.client.id }),
    expect: { ...writeClient, owner: 201, contentManager: 201, otherClientApprover: 403 },
  },
  {
    method: 'POST',
    path: '/api/invitations/{invitationId}/resend',
    url: (w) => `/api/invitations/${w.invitationId}/resend`,
    expect: manageInvitation,
  },
  {
    method: 'POST',
    path: '/api/invitations/{invitationId}/link',
    url: (w) => `/api/invitations/${w.invitationId}/link`,
    // Only its sender (the owner here): a content manager may manage it, not copy its link.
    expect: { ...manageInvitation, contentManager: 403 },
  },
  {
    method: 'DELETE',
    path: '/api/invitations/{invitationId}',
    url: (w) => `/api/invitations/${w.invitationId}`,
    expect: manageInvitation,
  },
  { method: 'GET', path: '/api/outbox', url: () => '/api/outbox', expect: ownersOnly },
  {
    method: 'GET',
    path: '/api/outbox/{messageId}/attachments/{index}',
    url: (w) => `/api/outbox/${w.outboxMessageId}/attachments/0`,
    // The outbox's rule; another agency's owner is not told the email exists.
    expect: manageMember,
  },
  { method: 'GET', path: '/api/clients/{clientId}/cycles', url: (w) => `${c(w)}/cycles`, expect: readClient },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/cycles',
    url: (w) => `${c(w)}/cycles`,
    body: () => ({ month: '2027-06' }),
    expect: createUnderClient,
  },
  { method: 'GET', path: '/api/cycles/{cycleId}/plan', url: (w) => `${cy(w)}/plan`, expect: readClient },
  {
    method: 'PATCH',
    path: '/api/cycles/{cycleId}',
    url: cy,
    body: () => ({ deadlines: { meeting: '2026-11-25' }, version: 1 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/stage',
    url: (w) => `${cy(w)}/stage`,
    body: () => ({ to: 'meeting', version: 1 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/share',
    url: (w) => `${cy(w)}/share`,
    body: () => ({ version: 1 }),
    expect: writeClient,
  },
  {
    method: 'PUT',
    path: '/api/cycles/{cycleId}/cadence',
    url: (w) => `${cy(w)}/cadence`,
    body: () => ({ rules: [], version: 1 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/cadence/apply',
    url: (w) => `${cy(w)}/cadence/apply`,
    expect: writeClient,
  },
  {
    method: 'GET',
    path: '/api/cycles/{cycleId}/cadence/preview',
    url: (w) => `${cy(w)}/cadence/preview`,
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/cadence/undo',
    url: (w) => `${cy(w)}/cadence/undo`,
    body: (w) => ({ slotIds: [w.slotId] }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/slots/delete',
    url: (w) => `${cy(w)}/slots/delete`,
    body: (w) => ({ slotIds: [w.slotId] }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/slots',
    url: (w) => `${cy(w)}/slots`,
    body: (w) => ({ date: '2026-12-10', time: '11:00', channelId: w.client.channel.id, format: 'post' }),
    expect: createUnderClient,
  },
  {
    method: 'PATCH',
    path: '/api/slots/{slotId}',
    url: (w) => `/api/slots/${w.slotId}`,
    body: () => ({ time: '12:00', version: 1 }),
    expect: writeClient,
  },
  {
    method: 'DELETE',
    path: '/api/slots/{slotId}',
    url: (w) => `/api/slots/${w.slotId}`,
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/slots/{slotId}/duplicate',
    url: (w) => `/api/slots/${w.slotId}/duplicate`,
    body: () => ({}),
    expect: createUnderClient,
  },
  {
    method: 'PUT',
    path: '/api/slots/{slotId}/topic',
    url: (w) => `/api/slots/${w.slotId}/topic`,
    body: (w) => ({ topicId: w.topicId, version: 1 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/topics',
    url: (w) => `${cy(w)}/topics`,
    body: () => ({ title: 'Нова тема' }),
    expect: { ...createUnderClient, creator: 201 },
  },
  {
    method: 'PATCH',
    path: '/api/topics/{topicId}',
    url: (w) => `/api/topics/${w.topicId}`,
    body: () => ({ title: 'Інша назва', version: 1 }),
    expect: { ...writeClient, creator: 200 },
  },
  {
    method: 'DELETE',
    path: '/api/topics/{topicId}',
    url: (w) => `/api/topics/${w.topicId}`,
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/topics/{topicId}/park',
    url: (w) => `/api/topics/${w.topicId}/park`,
    body: () => ({ version: 1 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/topics/{topicId}/pull',
    url: (w) => `/api/topics/${w.reserveTopicId}/pull`,
    body: (w) => ({ cycleId: w.cycleId, version: 1 }),
    expect: writeClient,
  },
  {
    method: 'GET',
    path: '/api/cycles/{cycleId}/deck.pptx',
    url: (w) => `${cy(w)}/deck.pptx`,
    expect: readClient,
  },
  {
    method: 'GET',
    path: '/api/cycles/{cycleId}/deck.pdf',
    url: (w) => `${cy(w)}/deck.pdf`,
    expect: readClient,
  },
  {
    method: 'GET',
    path: '/api/cycles/{cycleId}/schedule.csv',
    url: (w) => `${cy(w)}/schedule.csv`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/calendar-feed',
    url: (w) => `${c(w)}/calendar-feed`,
    expect: writeClient,
  },
  {
    method: 'DELETE',
    path: '/api/clients/{clientId}/calendar-feed',
    url: (w) => `${c(w)}/calendar-feed`,
    expect: writeClient,
  },
  {
    method: 'GET',
    path: '/api/clients/{clientId}/holidays',
    url: (w) => `${c(w)}/holidays?month=2026-12`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/topics/import',
    url: (w) => `${cy(w)}/topics/import?dryRun=true`,
    body: () => 'title\nКава\n',
    headers: { 'content-type': 'text/csv' },
    expect: { ...writeClient, creator: 200 },
  },
  // The client's plans: the agency, and the client's contacts once the plan is shared.
  {
    method: 'GET',
    path: '/api/cycles/{cycleId}/client-plans',
    url: (w) => `${cy(w)}/client-plans`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/client-plans',
    url: (w) => `${cy(w)}/client-plans`,
    body: () => ({ title: 'Старт продажів', likelihood: 'likely', startsOn: '2026-12-10' }),
    expect: { ...readClient, owner: 201, contentManager: 201, creator: 201, approver: 201 },
  },
  {
    method: 'PATCH',
    path: '/api/client-plans/{planId}',
    url: (w) => `/api/client-plans/${w.clientPlanId}`,
    body: () => ({ likelihood: 'maybe', version: 1 }),
    expect: readClient,
  },
  {
    method: 'DELETE',
    path: '/api/client-plans/{planId}',
    url: (w) => `/api/client-plans/${w.clientPlanId}`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/client-plans/{planId}/contingencies',
    url: (w) => `/api/client-plans/${w.clientPlanId}/contingencies`,
    body: () => ({ concept: 'Пост-анонс, якщо старт перенесуть' }),
    expect: { ...readClient, owner: 201, contentManager: 201, creator: 201, approver: 201 },
  },
  {
    method: 'PATCH',
    path: '/api/contingencies/{contingencyId}',
    url: (w) => `/api/contingencies/${w.contingencyId}`,
    body: () => ({ trigger: 'Якщо дату зсунуть', version: 1 }),
    expect: readClient,
  },
  {
    method: 'DELETE',
    path: '/api/contingencies/{contingencyId}',
    url: (w) => `/api/contingencies/${w.contingencyId}`,
    expect: readClient,
  },
  // The fact request: everyone who sees the plan asks; the client gets null until it is sent.
  {
    method: 'GET',
    path: '/api/cycles/{cycleId}/fact-request',
    url: (w) => `${cy(w)}/fact-request`,
    expect: readClient,
  },
  // Shaping and sending it is the agency managers'; a contact does not see a draft (404).
  {
    method: 'POST',
    path: '/api/fact-requests/{requestId}/items',
    url: (w) => `/api/fact-requests/${w.factRequestId}/items`,
    body: () => ({ question: 'Фото нового купажу', kind: 'files' }),
    expect: { ...createUnderClient, approver: 404 },
  },
  {
    method: 'PATCH',
    path: '/api/fact-items/{itemId}',
    url: (w) => `/api/fact-items/${w.factItemId}`,
    body: () => ({ question: 'Ціна за 250 г?', version: 1 }),
    expect: { ...writeClient, approver: 404 },
  },
  {
    method: 'DELETE',
    path: '/api/fact-items/{itemId}',
    url: (w) => `/api/fact-items/${w.factItemId}`,
    expect: { ...writeClient, approver: 404 },
  },
  {
    method: 'POST',
    path: '/api/fact-requests/{requestId}/send',
    url: (w) => `/api/fact-requests/${w.factRequestId}/send`,
    body: () => ({ version: 1 }),
    expect: { ...writeClient, approver: 404 },
  },
  // Re-sending a sent request is the agency managers' too; its contacts see it (403), not a draft.
  {
    method: 'POST',
    path: '/api/fact-requests/{requestId}/resend',
    url: (w) => `/api/fact-requests/${w.sentRequestId}/resend`,
    body: () => ({}),
    expect: writeClient,
  },
  // The sent request: its client's contacts answer, the agency's managers review, both talk.
  {
    method: 'GET',
    path: '/api/fact-requests/{requestId}',
    url: (w) => `/api/fact-requests/${w.sentRequestId}`,
    expect: readClient,
  },
  {
    method: 'PUT',
    path: '/api/fact-items/{itemId}/draft',
    url: (w) => `/api/fact-items/${w.openItemId}/draft`,
    body: () => ({ answer: { kind: 'text', text: '32' }, answerVersion: 1 }),
    expect: answerItem,
  },
  {
    method: 'POST',
    path: '/api/fact-items/{itemId}/answer',
    url: (w) => `/api/fact-items/${w.openItemId}/answer`,
    body: () => ({ answer: { kind: 'text', text: '320 грн' }, answerVersion: 1 }),
    expect: answerItem,
  },
  {
    method: 'POST',
    path: '/api/fact-items/{itemId}/files',
    url: (w) => `/api/fact-items/${w.filesItemId}/files`,
    body: () => photo.body,
    headers: { 'content-type': photo.contentType },
    expect: { ...answerItem, approver: 201 },
  },
  {
    method: 'POST',
    path: '/api/fact-items/{itemId}/accept',
    url: (w) => `/api/fact-items/${w.answeredItemId}/accept`,
    body: () => ({ reviewVersion: 2 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/fact-items/{itemId}/follow-up',
    url: (w) => `/api/fact-items/${w.answeredItemId}/follow-up`,
    body: () => ({ body: 'З ПДВ?', reviewVersion: 2 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/fact-items/{itemId}/messages',
    url: (w) => `/api/fact-items/${w.answeredItemId}/messages`,
    body: () => ({ body: 'Дякуємо!' }),
    expect: contribute,
  },
  {
    method: 'GET',
    path: '/api/fact-files/{fileId}',
    url: (w) => `/api/fact-files/${w.factFileId}`,
    expect: readClient,
  },
  {
    method: 'DELETE',
    path: '/api/fact-files/{fileId}',
    url: (w) => `/api/fact-files/${w.factFileId}`,
    expect: answerItem,
  },
  // The writer's pack is the agency's, whatever its role.
  {
    method: 'GET',
    path: '/api/fact-requests/{requestId}/packs/{topicId}',
    url: (w) => `/api/fact-requests/${w.sentRequestId}/packs/general`,
    expect: { ...readClient, approver: 403 },
  },
  // Each person's bell is their own.
  { method: 'GET', path: '/api/notifications', url: () => '/api/notifications', expect: self },
  {
    method: 'POST',
    path: '/api/notifications/read',
    url: () => '/api/notifications/read',
    body: () => ({}),
    expect: self,
  },
  // A rubric's standing needs: the agency's working knowledge (a contact gets 403).
  {
    method: 'GET',
    path: '/api/clients/{clientId}/rubrics/{rubricId}/fact-templates',
    url: (w) => `${c(w)}/rubrics/${w.client.rubric.id}/fact-templates`,
    expect: { ...readClient, approver: 403 },
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/rubrics/{rubricId}/fact-templates',
    url: (w) => `${c(w)}/rubrics/${w.client.rubric.id}/fact-templates`,
    body: () => ({ question: 'Посилання на товар', kind: 'link' }),
    expect: createUnderClient,
  },
  {
    method: 'PATCH',
    path: '/api/clients/{clientId}/fact-templates/{templateId}',
    url: (w) => `${c(w)}/fact-templates/${w.factTemplateId}`,
    body: () => ({ required: false, version: 1 }),
    expect: writeClient,
  },
  {
    method: 'DELETE',
    path: '/api/clients/{clientId}/fact-templates/{templateId}',
    url: (w) => `${c(w)}/fact-templates/${w.factTemplateId}`,
    expect: writeClient,
  },
  // The reserve: a contact is listed the topics it may see (tests/api/clientView.test.ts); the
  // history of one it may not (here, the agency's own stock) is 404.
  {
    method: 'GET',
    path: '/api/clients/{clientId}/reserve',
    url: (w) => `${c(w)}/reserve`,
    expect: readClient,
  },
  {
    method: 'GET',
    path: '/api/topics/{topicId}/history',
    url: (w) => `/api/topics/${w.reserveTopicId}/history`,
    expect: { ...readClient, approver: 404 },
  },
  // The meeting: anyone who sees the plan contributes; the agency's managers run it.
  {
    method: 'GET',
    path: '/api/cycles/{cycleId}/meeting',
    url: (w) => `${cy(w)}/meeting`,
    expect: readClient,
  },
  { method: 'GET', path: '/api/meetings/{meetingId}', url: (w) => m(w), expect: readClient },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/meeting',
    url: (w) => `${cy(w)}/meeting`,
    body: () => ({ format: 'online', date: '2026-11-30' }),
    expect: createUnderClient,
  },
  {
    method: 'PATCH',
    path: '/api/meetings/{meetingId}',
    url: (w) => m(w),
    body: () => ({ time: '12:00', version: 1 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/meetings/{meetingId}/start',
    url: (w) => `/api/meetings/${w.scheduledMeetingId}/start`,
    body: () => ({ version: 1 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/meetings/{meetingId}/facilitator',
    url: (w) => `${m(w)}/facilitator`,
    body: (w) => ({ userId: w.owner.id, version: 1 }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/meetings/{meetingId}/timer',
    url: (w) => `${m(w)}/timer`,
    body: (w) => ({ action: 'start', itemId: w.agendaItemId }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/meetings/{meetingId}/end',
    url: (w) => `${m(w)}/end`,
    body: () => ({ version: 1, acceptUndecided: true }),
    expect: writeClient,
  },
  {
    method: 'POST',
    path: '/api/meetings/{meetingId}/agenda',
    url: (w) => `${m(w)}/agenda`,
    body: () => ({ title: 'Новини бренду', minutes: 5 }),
    expect: createUnderClient,
  },
  {
    method: 'PATCH',
    path: '/api/agenda-items/{itemId}',
    url: (w) => `/api/agenda-items/${w.agendaItemId}`,
    body: () => ({ minutes: 7, version: 1 }),
    expect: writeClient,
  },
  {
    method: 'DELETE',
    path: '/api/agenda-items/{itemId}',
    url: (w) => `/api/agenda-items/${w.agendaItemId}`,
    expect: writeClient,
  },
  {
    method: 'PUT',
    path: '/api/meetings/{meetingId}/votes/{topicId}',
    url: (w) => `${m(w)}/votes/${w.meetingTopicId}`,
    body: () => ({ dots: 1 }),
    expect: readClient,
  },
  {
    method: 'PUT',
    path: '/api/meetings/{meetingId}/topics/{topicId}/reactions/{reaction}',
    url: (w) => `${m(w)}/topics/${w.meetingTopicId}/reactions/like`,
    expect: readClient,
  },
  {
    method: 'DELETE',
    path: '/api/meetings/{meetingId}/topics/{topicId}/reactions/{reaction}',
    url: (w) => `${m(w)}/topics/${w.meetingTopicId}/reactions/like`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/meetings/{meetingId}/ideas',
    url: (w) => `${m(w)}/ideas`,
    body: () => ({ title: 'Ідея з зустрічі' }),
    expect: contribute,
  },
  {
    method: 'POST',
    path: '/api/meetings/{meetingId}/decisions',
    url: (w) => `${m(w)}/decisions`,
    body: (w) => ({ topicId: w.meetingTopicId, kind: 'accept', topicVersion: 1 }),
    expect: { ...contribute, creator: 403 },
  },
  {
    method: 'POST',
    path: '/api/meetings/{meetingId}/questions',
    url: (w) => `${m(w)}/questions`,
    body: () => ({ text: 'Яка ціна?' }),
    expect: contribute,
  },
  {
    method: 'PATCH',
    path: '/api/questions/{questionId}',
    url: (w) => `/api/questions/${w.questionId}`,
    body: () => ({ answer: '120 грн', version: 1 }),
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/meetings/{meetingId}/comments',
    url: (w) => `/api/meetings/${w.reviewId}/comments`,
    body: (w) => ({ subjectType: 'topic', subjectId: w.reviewTopicId, body: 'Погоджуємо' }),
    expect: contribute,
  },
  {
    method: 'GET',
    path: '/api/meetings/{meetingId}/summary.pdf',
    url: (w) => `/api/meetings/${w.endedMeetingId}/summary.pdf`,
    expect: readClient,
  },
  // Posts: in October's month (facts stage, request sent): one post with the client, one draft.
  {
    method: 'GET',
    path: '/api/cycles/{cycleId}/posts',
    url: (w) => `/api/cycles/${w.writeCycleId}/posts`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/posts',
    url: (w) => `/api/cycles/${w.writeCycleId}/posts`,
    body: (w) => ({ slotId: w.writeSlotId }),
    expect: { ...contribute, approver: 403 },
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/posts/approve',
    url: (w) => `/api/cycles/${w.writeCycleId}/posts/approve`,
    body: (w) => ({ posts: [{ postId: w.reviewPostId, revision: 1, openComments: 9 }] }),
    // Approving is the approver's: a contributor comments but does not approve.
    expect: { ...readClient, owner: 403, contentManager: 403, creator: 403, contributor: 403 },
  },
  {
    method: 'GET',
    path: '/api/posts/{postId}',
    url: (w) => `/api/posts/${w.reviewPostId}`,
    expect: readClient,
  },
  // A draft is the writers': the client does not learn of it.
  {
    method: 'PATCH',
    path: '/api/posts/{postId}',
    url: (w) => `/api/posts/${w.draftPostId}`,
    body: () => ({ version: 1, visualBrief: 'Фото зерен' }),
    expect: { ...readClient, approver: 404 },
  },
  {
    method: 'POST',
    path: '/api/posts/{postId}/status',
    url: (w) => `/api/posts/${w.reviewPostId}/status`,
    body: () => ({ to: 'approved', revision: 1 }),
    expect: { ...answerItem, contributor: 403 },
  },
  {
    method: 'POST',
    path: '/api/posts/{postId}/comments',
    url: (w) => `/api/posts/${w.reviewPostId}/comments`,
    body: () => ({ revision: 1, body: 'Гарно' }),
    expect: contribute,
  },
  {
    method: 'PATCH',
    path: '/api/post-comments/{commentId}',
    url: (w) => `/api/post-comments/${w.postCommentId}`,
    body: () => ({ resolved: true }),
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/posts/{postId}/assets',
    url: (w) => `/api/posts/${w.draftPostId}/assets`,
    body: () => photo.body,
    headers: { 'content-type': photo.contentType },
    expect: { ...contribute, approver: 404 },
  },
  {
    method: 'GET',
    path: '/api/post-assets/{assetId}',
    url: (w) => `/api/post-assets/${w.postAssetId}`,
    expect: { ...readClient, approver: 404 },
  },
  {
    method: 'DELETE',
    path: '/api/post-assets/{assetId}',
    url: (w) => `/api/post-assets/${w.postAssetId}`,
    expect: { ...readClient, approver: 404 },
  },
  {
    method: 'GET',
    path: '/api/cycles/{cycleId}/changes',
    url: (w) => `/api/cycles/${w.writeCycleId}/changes`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/cycles/{cycleId}/changes',
    url: (w) => `/api/cycles/${w.writeCycleId}/changes`,
    body: (w) => ({ kind: 'same_day_rewrite', ...requested, postId: w.reviewPostId }),
    expect: createUnderClient,
  },
  {
    method: 'POST',
    path: '/api/contingencies/{contingencyId}/activate',
    url: (w) => `/api/contingencies/${w.writeContingencyId}/activate`,
    body: () => ({ startsAt: '2027-10-12T09:00:00Z', ...requested }),
    expect: createUnderClient,
  },
  {
    method: 'GET',
    path: '/api/clients/{clientId}/insights',
    url: (w) => `${c(w)}/insights`,
    expect: readClient,
  },
  { method: 'GET', path: '/api/insights', url: () => '/api/insights', expect: agencyOnly },
  {
    method: 'GET',
    path: '/api/clients/{clientId}/insights.csv',
    url: (w) => `${c(w)}/insights.csv`,
    expect: readClient,
  },
  {
    method: 'GET',
    path: '/api/clients/{clientId}/insights/report.pdf',
    url: (w) => `${c(w)}/insights/report.pdf?month=2026-12`,
    expect: readClient,
  },
  {
    method: 'POST',
    path: '/api/clients/{clientId}/insights/history',
    url: (w) => `${c(w)}/insights/history`,
    body: () =>
      Buffer.from('month,planned,published,approved,first round,revision rounds\n2025-01,10,10,10,4,8\n'),
    headers: { 'content-type': 'text/csv' },
    expect: writeClient,
  },
  {
    method: 'GET',
    path: '/api/me/notification-settings',
    url: () => '/api/me/notification-settings',
    expect: self,
  },
  {
    method: 'PUT',
    path: '/api/me/notification-settings',
    url: () => '/api/me/notification-settings',
    body: () => ({ email: 'daily' }),
    expect: self,
  },
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function makeWorld(): Promise<World> {
  const db = t.database.db;
  const agency = await makeAgency(db);
  const contributor = await makeContact(db, agency.client.id, 'contributor');
  const outsiderAgency = await makeAgency(db);
  const [invitation] = await db
    .insert(invitations)
    .values({
      agencyId: agency.id,
      clientId: agency.client.id,
      email: 'pending@example.com',
      role: 'contributor',
      tokenHash: hashToken(newToken()),
      invitedBy: agency.owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  const [kept] = await db
    .insert(outbox)
    .values({
      agencyId: agency.id,
      toEmail: agency.approver.email,
      subject: 'Зустріч · Meeting',
      text: 'x',
      html: '<p>x</p>',
      attachments: [{ filename: 'meeting.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
      status: 'not_configured',
    })
    .returning();
  // A shared December plan with one slot and one topic, and one topic waiting in the reserve.
  const [cycle] = await db
    .insert(cycles)
    .values({ clientId: agency.client.id, month: '2026-12', sharedAt: new Date() })
    .returning();
  const [topic] = await db
    .insert(topics)
    .values({ clientId: agency.client.id, cycleId: cycle!.id, title: 'Різдвяна обсмажка', source: 'agency' })
    .returning();
  const [reserveTopic] = await db
    .insert(topics)
    .values({
      clientId: agency.client.id,
      cycleId: null,
      title: 'Про запас',
      source: 'agency',
      status: 'parked',
      reservedAt: new Date(),
    })
    .returning();
  const [slot] = await db
    .insert(slots)
    .values({
      cycleId: cycle!.id,
      startsAt: new Date('2026-12-07T08:00:00Z'),
      channelId: agency.client.channel.id,
      format: 'post',
    })
    .returning();
  const [spare] = await db
    .insert(channels)
    .values({ clientId: agency.client.id, network: 'telegram', handle: '@spare', formats: ['post'] })
    .returning();
  const [plan] = await db
    .insert(clientPlans)
    .values({ cycleId: cycle!.id, title: 'Конференція', likelihood: 'maybe' })
    .returning();
  const [what] = await db
    .insert(contingencies)
    .values({ planId: plan!.id, concept: 'Пост із виступу' })
    .returning();
  // A live meeting (January), a scheduled one (February) and a fire-mode review (March), each on its own shared plan.
  const meetingPlan = async (month: string, format: 'online' | 'async', status: 'live' | 'scheduled') => {
    const [c] = await db
      .insert(cycles)
      .values({ clientId: agency.client.id, month, sharedAt: new Date(), stage: 'meeting' })
      .returning();
    const [t] = await db
      .insert(topics)
      .values({ clientId: agency.client.id, cycleId: c!.id, title: 'Тема зустрічі', source: 'agency' })
      .returning();
    const [row] = await db
      .insert(meetings)
      .values({
        cycleId: c!.id,
        clientId: agency.client.id,
        format,
        status,
        startsAt: new Date('2026-11-30T09:00:00Z'),
        facilitatorId: status === 'live' ? agency.contentManager.id : null,
      })
      .returning();
    return { meetingId: row!.id, topicId: t!.id };
  };
  const live = await meetingPlan('2027-01', 'online', 'live');
  const scheduled = await meetingPlan('2027-02', 'online', 'scheduled');
  const review = await meetingPlan('2027-03', 'async', 'live');
  // An ended meeting (April) with its frozen summary, for the summary download.
  const [endedCycle] = await db
    .insert(cycles)
    .values({ clientId: agency.client.id, month: '2027-04', sharedAt: new Date(), stage: 'facts' })
    .returning();
  const [ended] = await db
    .insert(meetings)
    .values({
      cycleId: endedCycle!.id,
      clientId: agency.client.id,
      format: 'online',
      status: 'ended',
      startsAt: new Date('2027-03-30T09:00:00Z'),
      endedAt: new Date('2027-03-30T10:30:00Z'),
      summary: {
        endedAt: '2027-03-30T10:30:00.000Z',
        fireMode: false,
        agreed: [],
        parked: [],
        dropped: [],
        ideas: [],
        plans: [],
        questions: [],
        comments: [],
        notes: [],
        participants: [],
      },
    })
    .returning();
  // A drafted fact request (September, already in the facts stage) with one item.
  const [factCycle] = await db
    .insert(cycles)
    .values({ clientId: agency.client.id, month: '2027-09', sharedAt: new Date(), stage: 'facts' })
    .returning();
  const [factRequest] = await db
    .insert(factRequests)
    .values({ cycleId: factCycle!.id, clientId: agency.client.id })
    .returning();
  const [factItem] = await db
    .insert(factItems)
    .values({ requestId: factRequest!.id, question: 'Ціна?', source: 'manual', position: 1 })
    .returning();
  const [factTemplate] = await db
    .insert(factTemplates)
    .values({ rubricId: agency.client.rubric.id, question: 'Ціна', position: 1 })
    .returning();
  // A sent request (October) with general items: one open, one answered, one file given.
  const [sentCycle] = await db
    .insert(cycles)
    .values({ clientId: agency.client.id, month: '2027-10', sharedAt: new Date(), stage: 'facts' })
    .returning();
  const [sentRequest] = await db
    .insert(factRequests)
    .values({ cycleId: sentCycle!.id, clientId: agency.client.id, status: 'sent', sentAt: new Date() })
    .returning();
  const [openItem, answeredItem, filesItem] = await db
    .insert(factItems)
    .values([
      { requestId: sentRequest!.id, question: 'Ціна?', source: 'manual', position: 1 },
      {
        requestId: sentRequest!.id,
        question: 'Хто на фото?',
        source: 'manual',
        position: 2,
        status: 'answered',
        answer: { kind: 'text', text: 'Олена' },
        answerVersion: 2,
        reviewVersion: 2,
      },
      { requestId: sentRequest!.id, question: 'Фото пачки', kind: 'files', source: 'manual', position: 3 },
    ])
    .returning();
  const key = newFileKey(agency.client.id);
  const stored = await createDiskStorage(filesDirOf(t.dataDir)).put(key, Readable.from([makePng()]), {
    maxBytes: 1e6,
  });
  const [factFile] = await db
    .insert(factFiles)
    .values({
      itemId: filesItem!.id,
      clientId: agency.client.id,
      storageKey: key,
      name: 'пачка.png',
      contentType: 'image/png',
      size: stored.bytes,
      sha256: stored.sha256,
    })
    .returning();
  // October's posts: a slot still unwritten, a post with the client (revision 1), a draft with a photo.
  const octoberTopics = await db
    .insert(topics)
    .values(
      ['Новий купаж', 'Бариста', 'Зима'].map((title) => ({
        clientId: agency.client.id,
        cycleId: sentCycle!.id,
        title,
        source: 'agency' as const,
        status: 'accepted' as const,
      })),
    )
    .returning();
  const octoberSlots = await db
    .insert(slots)
    .values(
      octoberTopics.map((tp, i) => ({
        cycleId: sentCycle!.id,
        startsAt: new Date(`2027-10-0${i + 5}T08:00:00Z`),
        channelId: agency.client.channel.id,
        format: 'post' as const,
        topicId: tp.id,
      })),
    )
    .returning();
  const [reviewPost, draftPost] = await db
    .insert(posts)
    .values([
      {
        cycleId: sentCycle!.id,
        clientId: agency.client.id,
        slotId: octoberSlots[0]!.id,
        topicId: octoberTopics[0]!.id,
        status: 'client_review',
        revision: 1,
        copyText: 'Текст',
      },
      {
        cycleId: sentCycle!.id,
        clientId: agency.client.id,
        slotId: octoberSlots[1]!.id,
        topicId: octoberTopics[1]!.id,
      },
    ])
    .returning();
  await db.insert(postVersions).values({
    postId: reviewPost!.id,
    revision: 1,
    round: 1,
    copyText: 'Текст',
    copyDoc: { type: 'doc' },
    visualBrief: '',
    hashtags: [],
    link: '',
    firstComment: '',
    assets: [],
    publishAt: octoberSlots[0]!.startsAt,
  });
  const [postComment] = await db
    .insert(postComments)
    .values({ postId: reviewPost!.id, revision: 1, round: 1, body: 'Питання', side: 'client' })
    .returning();
  const assetKey = newFileKey(agency.client.id);
  const assetStored = await createDiskStorage(filesDirOf(t.dataDir)).put(
    assetKey,
    Readable.from([makePng()]),
    { maxBytes: 1e6 },
  );
  const [postAsset] = await db
    .insert(postAssets)
    .values({
      postId: draftPost!.id,
      storageKey: assetKey,
      name: 'фото.png',
      contentType: 'image/png',
      size: assetStored.bytes,
      sha256: assetStored.sha256,
    })
    .returning();
  const [octoberPlan] = await db
    .insert(clientPlans)
    .values({ cycleId: sentCycle!.id, title: 'Фестиваль', likelihood: 'likely' })
    .returning();
  const [octoberWhat] = await db
    .insert(contingencies)
    .values({
      planId: octoberPlan!.id,
      concept: 'Пост із фестивалю',
      channelId: agency.client.channel.id,
      format: 'post',
    })
    .returning();
  const [item] = await db
    .insert(agendaItems)
    .values({ meetingId: live.meetingId, kind: 'topics', title: '', minutes: 30, position: 1 })
    .returning();
  const [question] = await db
    .insert(meetingQuestions)
    .values({ meetingId: live.meetingId, text: 'Коли старт?', side: 'agency' })
    .returning();
  return {
    ...agency,
    outboxMessageId: kept!.id,
    meetingId: live.meetingId,
    meetingTopicId: live.topicId,
    agendaItemId: item!.id,
    questionId: question!.id,
    scheduledMeetingId: scheduled.meetingId,
    reviewId: review.meetingId,
    reviewTopicId: review.topicId,
    factRequestId: factRequest!.id,
    factItemId: factItem!.id,
    factTemplateId: factTemplate!.id,
    sentRequestId: sentRequest!.id,
    openItemId: openItem!.id,
    filesItemId: filesItem!.id,
    answeredItemId: answeredItem!.id,
    factFileId: factFile!.id,
    writeCycleId: sentCycle!.id,
    writeSlotId: octoberSlots[2]!.id,
    reviewPostId: reviewPost!.id,
    draftPostId: draftPost!.id,
    postCommentId: postComment!.id,
    postAssetId: postAsset!.id,
    writeContingencyId: octoberWhat!.id,
    endedMeetingId: ended!.id,
    clientPlanId: plan!.id,
    contingencyId: what!.id,
    spareChannelId: spare!.id,
    invitationId: invitation!.id,
    outsiderAgency,
    contributor,
    cycleId: cycle!.id,
    slotId: slot!.id,
    topicId: topic!.id,
    reserveTopicId: reserveTopic!.id,
  };
}

function cookieOf(w: World, actor: ActorName): string | null {
  if (actor === 'anonymous') return null;
  if (actor === 'outsider') return w.outsiderAgency.owner.cookie;
  if (actor === 'contributor') return w.contributor.cookie;
  return w[actor].cookie;
}

describe('route × role matrix', () => {
  it('has a row for every endpoint of the catalogue that needs a session, and only those', () => {
    // Public endpoints have their own tests; sockets are checked at the door by the live tests ([S1]).
    const needed = allEndpoints
      .filter((e) => !e.public && !e.websocket)
      .map((e) => `${e.method} ${e.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    const covered = rows.map((r) => `${r.method} ${r.path}`);
    expect([...covered].sort()).toEqual([...needed].sort());
    expect(new Set(covered).size).toBe(covered.length);
  });

  for (const row of rows) {
    describe(`${row.method} ${row.path}`, () => {
      for (const actor of actors) {
        it(`answers ${expected(row.expect, actor)} to ${actor}`, async () => {
          const w = await makeWorld();
          // Each cell from its own address: the whole matrix is more than the per-address limit
          // allows in a minute, and a 429 would hide the answer the cell is about. `raw`: a cell
          // is as often a refusal as a valid call, and its row already names the endpoint.
          const res = await raw(fromNewAddress(t.app), row.method, row.url(w), {
            cookie: cookieOf(w, actor),
            ...(row.body ? { body: row.body(w) } : {}),
            ...(row.headers ? { headers: row.headers } : {}),
          });
          expect({ status: res.status, body: res.status >= 400 ? res.body : 'ok' }).toMatchObject({
            status: expected(row.expect, actor),
          });
          if (res.status >= 400) expect(res.body).toHaveProperty('error.code');
        });
      }
    });
  }
});
