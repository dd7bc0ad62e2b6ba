import { type Actor, type ActorScope, loadActor } from '../../auth/actor.ts';
import { openLink } from '../../auth/scopedLinks.ts';
import { createSession, type NewSession, type SessionOrigin } from '../../auth/sessions.ts';
import type { Context } from '../../context.ts';

export interface OpenedLink {
  actor: Actor;
  /** The scoped session to set as the cookie; null when the browser keeps its full session. */
  session: NewSession | null;
  opens: ActorScope;
}

/**
 * Open a scoped link: a session limited to the link's subject, reusable on any device while the
 * link lives. A browser already signed in fully as the same person keeps that session (no
 * downgrade); the answer only says where to go. Anyone else's session in this browser is
 * replaced, as with any sign-in link.
 */
export async function openScopedLink(
  ctx: Pick<Context, 'db' | 'env'>,
  current: Actor | null,
  token: string,
  origin: SessionOrigin,
): Promise<OpenedLink> {
  const link = await openLink(ctx.db, token);
  if (current && !current.scope && current.user.id === link.userId) {
    return { actor: current, session: null, opens: link.scope };
  }
  const session = await createSession(ctx.db, link.userId, ctx.env.SESSION_DAYS, origin, link.id);
  const actor = await loadActor(ctx.db, '', link.userId, link.scope);
  if (!actor) throw new Error(`user ${link.userId} vanished while opening a link`);
  return { actor, session, opens: link.scope };
}
