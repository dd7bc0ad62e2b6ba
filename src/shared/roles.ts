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
