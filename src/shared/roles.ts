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
