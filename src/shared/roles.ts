// Roles are product vocabulary shared by the server, the API document and the web app.

export const agencyRoles = ['owner', 'content_manager', 'creator'] as const;
export type AgencyRole = (typeof agencyRoles)[number];

export const clientRoles = ['approver', 'contributor'] as const;
export type ClientRole = (typeof clientRoles)[number];

export const networks = [
  'instagram',
  'facebook',
  'tiktok',
  'telegram',
  'linkedin',
  'x',
  'youtube',
  'threads',
  'pinterest',
  'other',
] as const;
export type Network = (typeof networks)[number];

export const formats = [
  'post',
  'carousel',
  'reel',
  'story',
  'video',
  'short',
  'article',
  'text',
  'live',
] as const;
export type Format = (typeof formats)[number];

/**
 * The languages Plit speaks. A client has one (clients.language): what it is sent in its own name
 * (the plan deck; later its emails), whoever on either side asks for it.
 */
export const languages = ['uk', 'en'] as const;
export type Language = (typeof languages)[number];

/**
 * The formats each network actually has, the one list the server checks (channels, slots,
 * topics, cadence rules) and the web offers: Telegram has no reels, X no carousels. `other`
 * (a network Plit does not know) takes any. Checked on writes only: a row saved before this
 * rule still loads and shows.
 */
export const networkFormats: Record<Network, readonly Format[]> = {
  instagram: ['post', 'carousel', 'reel', 'story', 'live'],
  facebook: ['post', 'carousel', 'reel', 'story', 'video', 'live'],
  tiktok: ['video', 'carousel', 'story', 'live'],
  // A Telegram album is a post; Telegram has no reels, shorts or carousels.
  telegram: ['post', 'text', 'video', 'story', 'live'],
  // A LinkedIn carousel is a PDF document post.
  linkedin: ['post', 'carousel', 'video', 'article', 'text', 'live'],
  x: ['post', 'text', 'video', 'live'],
  youtube: ['video', 'short', 'post', 'live'],
  threads: ['post', 'text', 'carousel', 'video'],
  pinterest: ['post', 'video', 'carousel'],
  other: formats,
};

/** The monthly co-creation cycle, in order. */
export const cycleStages = ['preparation', 'meeting', 'facts', 'content', 'running', 'closed'] as const;
export type CycleStage = (typeof cycleStages)[number];

/** Whose move it is in each stage. */
export const stageOwners: Record<CycleStage, 'agency' | 'both' | 'client' | 'nobody'> = {
  preparation: 'agency',
  meeting: 'both',
  facts: 'client',
  content: 'agency',
  running: 'agency',
  closed: 'nobody',
};

export const topicSources = ['agency', 'client', 'meeting'] as const;
export type TopicSource = (typeof topicSources)[number];

export const topicStatuses = ['proposed', 'accepted', 'changed', 'parked', 'dropped'] as const;
export type TopicStatus = (typeof topicStatuses)[number];

/** How sure the client is that a plan of theirs happens. */
export const likelihoods = ['certain', 'likely', 'maybe'] as const;
export type Likelihood = (typeof likelihoods)[number];

/** How a meeting happens; `async` is fire mode: a written review instead of a meeting. */
export const meetingFormats = ['online', 'offline', 'async'] as const;
export type MeetingFormat = (typeof meetingFormats)[number];

export const meetingStatuses = ['scheduled', 'live', 'ended'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** The agenda built from the plan, in the order the article walks it. */
export const agendaKinds = [
  'news',
  'schedule',
  'topics',
  'contingencies',
  'questions',
  'wrapup',
  'other',
] as const;
export type AgendaKind = (typeof agendaKinds)[number];

/** What a meeting (or a fire-mode review) may decide about a topic. */
export const decisionKinds = ['accept', 'change', 'park', 'drop', 'move'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export const questionStatuses = ['open', 'answered', 'for_facts'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** The reactions a topic can get in a meeting: a small fixed set, so they read the same in both languages. */
export const reactions = ['like', 'love', 'fire', 'doubt'] as const;
export type Reaction = (typeof reactions)[number];

export const sides = ['agency', 'client'] as const;
export type Side = (typeof sides)[number];

/** What kind of answer a fact request item asks for. */
export const factKinds = ['text', 'files', 'link', 'date', 'choice'] as const;
export type FactKind = (typeof factKinds)[number];

/** Where a fact request item came from. */
export const factSources = ['question', 'template', 'manual'] as const;

export const factRequestStatuses = ['draft', 'sent', 'complete'] as const;
export const factItemStatuses = ['open', 'answered', 'accepted', 'follow_up'] as const;
