/**
 * The one catalogue of errors Plit answers with. Codes are stable (the web app translates
 * them); the status for each code is decided here and nowhere else.
 */
export const errorCatalogue = {
  validation_failed: { status: 400, message: 'Some fields are not valid.' },
  malformed_request: { status: 400, message: 'The request could not be read.' },
  unauthenticated: { status: 401, message: 'Log in to continue.' },
  invalid_credentials: { status: 401, message: 'Email or password is wrong.' },
  forbidden: { status: 403, message: 'You are not allowed to do this.' },
  csrf_rejected: { status: 403, message: 'The request came from another site and was refused.' },
  not_found: { status: 404, message: 'Not found.' },
  // 404, not 410: the record is there but its bytes are not found here, and that need not last
  // (files restored from a backup, a bucket set right). Not 5xx: asking again will not help.
  file_missing: {
    status: 404,
    message: 'This file is missing from storage. Ask for it to be uploaded again.',
  },
  token_invalid: {
    status: 404,
    message: 'This link is not valid. It may have expired or been used already.',
  },
  stale_version: {
    status: 409,
    message: 'Someone changed this meanwhile. Review the newer version and apply again.',
  },
  conflict: { status: 409, message: 'This conflicts with the current state.' },
  email_taken: { status: 409, message: 'An account with this email already exists.' },
  already_member: { status: 409, message: 'This person is already a member.' },
  other_agency: { status: 409, message: 'This person already belongs to another agency.' },
  email_unverified: {
    status: 403,
    message: 'Confirm your email first: sign in with a link sent to it, then accept again.',
  },
  last_owner: { status: 409, message: 'An agency needs at least one owner.' },
  setup_done: { status: 409, message: 'Plit is already set up.' },
  archived: { status: 409, message: 'This client is archived. Unarchive it to make changes.' },
  stage_blocked: { status: 409, message: 'The cycle cannot move on yet; see what is missing.' },
  format_not_on_network: {
    status: 400,
    message: 'This network has no such format (e.g. Telegram has no reels). Pick one of its formats.',
  },
  slot_taken: { status: 409, message: 'This slot already holds another topic.' },
  meeting_exists: { status: 409, message: 'This month already has a meeting; reschedule it instead.' },
  meeting_not_live: { status: 409, message: 'The meeting is not on right now.' },
  vote_budget: {
    status: 409,
    message: 'You have used all your votes. Take one back from another topic first.',
  },
  post_outdated: {
    status: 409,
    message: 'A newer version of this post was sent since you opened it. Review the latest version.',
  },
  post_already_approved: { status: 409, message: 'This post is approved already.' },
  // Bulk approval names the posts (in `fields`) and waits for a confirmation.
  open_comments: {
    status: 409,
    message: 'Some of these posts still have open comments. Confirm to approve them anyway.',
  },
  post_locked: {
    status: 409,
    message: 'This post cannot be changed now: it is with the client or published.',
  },
  slot_has_post: { status: 409, message: 'This slot already has a post.' },
  // Late or double actions (issue 17): each says what happened, and nothing is changed.
  post_not_in_review: {
    status: 409,
    message:
      'This post is no longer waiting for your review: the agency has taken it back, or it has been answered. Nothing was changed.',
  },
  fact_item_accepted: {
    status: 409,
    message:
      'The agency has accepted this answer already, so it was not changed. Write in the thread to add something.',
  },
  meeting_ended: {
    status: 409,
    message: 'This meeting has ended. Its summary is in the month’s plan: sign in to read it.',
  },
  fact_request_not_out: {
    status: 409,
    message: 'Only a fact request that is sent and not yet complete can be sent again.',
  },
  fact_request_resent_recently: {
    status: 429,
    message: 'The fact request went to this person a few minutes ago. Wait a little before sending it again.',
  },
  payload_too_large: { status: 413, message: 'The request is too large.' },
  uri_too_long: { status: 414, message: 'The address is too long.' },
  headers_too_large: { status: 431, message: 'The request headers are too large.' },
  request_timeout: { status: 408, message: 'The request took too long to arrive.' },
  file_empty: { status: 400, message: 'The file is empty. Choose the file again.' },
  file_too_large: { status: 413, message: 'The file is larger than the upload limit.' },
  file_type_not_allowed: {
    status: 415,
    message: 'This kind of file cannot be uploaded. Photos, videos, PDF and office documents can.',
  },
  too_many_files: { status: 409, message: 'This item has as many files as it can hold.' },
  // Idempotent creates (`http/idempotency.ts`): a key names one request, answered once.
  idempotency_key_reused: {
    status: 422,
    message: 'This Idempotency-Key was already used for a different request.',
  },
  request_in_progress: {
    status: 409,
    message: 'The same request is still being handled. Try again in a moment.',
  },
  request_already_done: {
    status: 409,
    message: 'This was done already, but its answer was lost. Reload to see the result.',
  },
  rate_limited: { status: 429, message: 'Too many attempts. Wait a little and try again.' },
  storage_unavailable: {
    status: 503,
    message:
      'Plit’s file storage is not available right now (full, read-only or out of reach). Try again later; if it lasts, tell whoever runs Plit.',
  },
  not_ready: { status: 503, message: 'Plit cannot save data right now.' },
  server_stopping: {
    status: 503,
    message: 'The server is restarting. Nothing was saved from this request; send it again in a moment.',
  },
  internal: { status: 500, message: 'Something went wrong on our side. Nothing was changed.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string> | undefined;
  /** A machine-readable why, for codes that have several (`not_ready`: which part failed). */
  readonly reason: string | undefined;

  constructor(
    code: ErrorCode,
    options: {
      message?: string;
      fields?: Record<string, string>;
      headers?: Record<string, string>;
      reason?: string;
    } = {},
  ) {
    super(options.message ?? errorCatalogue[code].message);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.fields = options.fields;
    this.headers = options.headers;
    this.reason = options.reason;
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const staleVersion = () => new AppError('stale_version');
