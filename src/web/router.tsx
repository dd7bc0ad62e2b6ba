import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { AcceptInvitationPage } from './auth/AcceptInvitationPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { MagicLinkPage } from './auth/MagicLinkPage.tsx';
import { meQuery, setupQuery } from './auth/queries.ts';
import { RequestPasswordResetPage } from './auth/RequestPasswordResetPage.tsx';
import { ResetPasswordPage } from './auth/ResetPasswordPage.tsx';
import { SetupPage } from './auth/SetupPage.tsx';
import { ClientPage } from './clients/ClientPage.tsx';
import { ClientsPage } from './clients/ClientsPage.tsx';
import { type ClientTab, clientTabs } from './clients/tabs.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { RouteError } from './components/RouteError.tsx';
import { landingPath } from './lib/landing.ts';
import { subjectPage } from './links/subjectPage.ts';
import { type CycleTab, cycleTabs } from './planning/tabs.ts';
import { MembersPage } from './settings/MembersPage.tsx';
import { OutboxMessagePage } from './settings/OutboxMessagePage.tsx';
import { OutboxPage } from './settings/OutboxPage.tsx';
import { SettingsPage } from './settings/SettingsPage.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

/** Only paths inside Plit may be returned to after signing in (no open redirects). */
export function safeRedirect(value: unknown): string | undefined {
  return landingPath(value);
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  // Until the first agency exists, every screen leads to the set-up form.
  beforeLoad: async ({ context, location }) => {
    const { needsSetup } = await context.queryClient.ensureQueryData(setupQuery);
    if (needsSetup && location.pathname !== '/setup') throw redirect({ to: '/setup' });
  },
  component: Outlet,
  errorComponent: RouteError,
  notFoundComponent: NotFoundPage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    const { needsSetup } = await context.queryClient.ensureQueryData(setupQuery);
    if (!needsSetup) throw redirect({ to: '/' });
  },
  component: SetupPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    // A session opened from a link may sign in for real: the login replaces it.
    if (me && !me.scope) throw redirect({ href: search.redirect ?? '/' });
  },
  component: LoginPage,
});

const requestResetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  component: RequestPasswordResetPage,
});

const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password/$token',
  component: ResetPasswordPage,
});

const magicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/magic/$token',
  // The page the person was going to when they asked for the link (carried by the email).
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({
    next: safeRedirect(search.next),
  }),
  component: MagicLinkPage,
});

/** A scoped link (emailed or copied): opens its one subject without a password. */
const openLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/open/$token',
  // The exact item the email is about (one post of the month's review), inside the link's subject.
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({
    next: safeRedirect(search.next),
  }),
  component: lazyRouteComponent(() => import('./links/OpenLinkPage.tsx'), 'OpenLinkPage'),
});

/** The address of fact-request emails sent before scoped links: the same page. */
const factLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/facts/open/$token',
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({
    next: safeRedirect(search.next),
  }),
  component: lazyRouteComponent(() => import('./links/OpenLinkPage.tsx'), 'OpenLinkPage'),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: AcceptInvitationPage,
});

/** Everything behind sign-in; the signed-in person is in the route context. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { me };
  },
  component: AppLayout,
});

const clientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  validateSearch: (search: Record<string, unknown>): { archived?: boolean } => ({
    archived: search.archived === true || search.archived === 'true' ? true : undefined,
  }),
  // A client contact of exactly one client has nothing to choose between.
  beforeLoad: ({ context }) => {
    const { me } = context;
    // A session opened from a link has one page; home is that page.
    if (me.scope) throw redirect(subjectPage(me.scope));
    const only = me.clientMemberships[0];
    if (!me.agency && me.clientMemberships.length === 1 && only) {
      throw redirect({ to: '/clients/$clientId', params: { clientId: only.clientId } });
    }
  },
  component: ClientsPage,
});

const clientRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/clients/$clientId',
  validateSearch: (search: Record<string, unknown>): { tab?: ClientTab } => ({
    tab: clientTabs.includes(search.tab as ClientTab) ? (search.tab as ClientTab) : undefined,
  }),
  component: ClientPage,
});

const cycleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cycles/$cycleId',
  validateSearch: (search: Record<string, unknown>): { tab?: CycleTab } => ({
    tab: cycleTabs.includes(search.tab as CycleTab) ? (search.tab as CycleTab) : undefined,
  }),
  // The plan screens (calendar, drag and drop) load on first use, not with the sign-in page.
  component: lazyRouteComponent(() => import('./planning/CyclePage.tsx'), 'CyclePage'),
});

/** One post: the agency's editor, or the client's review of the version sent to them. */
const postRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/posts/$postId',
  component: lazyRouteComponent(() => import('./posts/PostPage.tsx'), 'PostPage'),
});

/** Present mode fills the screen: signed in, but outside the app's frame. */
const presentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cycles/$cycleId/present',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: lazyRouteComponent(() => import('./planning/present/PresentPage.tsx'), 'PresentPage'),
});

/** The meeting room fills the screen: signed in, but outside the app's frame. */
const meetingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/meetings/$meetingId',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
  },
  component: lazyRouteComponent(() => import('./meetings/room/MeetingRoomPage.tsx'), 'MeetingRoomPage'),
});

/** A fact request: the client answers it here (phone first); the agency sees it read-only. */
const factRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/facts/$requestId',
  component: lazyRouteComponent(() => import('./facts/answer/FactAnswerPage.tsx'), 'FactAnswerPage'),
});

const membersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/members',
  beforeLoad: ({ context }) => {
    if (!context.me.agency) throw redirect({ to: '/' });
  },
  component: MembersPage,
});

/** The agency's clients compared: before and after co-creation, where revision time goes. */
const insightsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/insights',
  beforeLoad: ({ context }) => {
    if (!context.me.agency) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./insights/AgencyInsightsPage.tsx'), 'AgencyInsightsPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: SettingsPage,
});

const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/outbox',
  beforeLoad: ({ context }) => {
    if (!context.me.abilities.readOutbox) throw redirect({ to: '/settings' });
  },
  component: OutboxPage,
});

const outboxMessageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/outbox/$messageId',
  beforeLoad: ({ context }) => {
    if (!context.me.abilities.readOutbox) throw redirect({ to: '/settings' });
  },
  component: OutboxMessagePage,
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  requestResetRoute,
  resetRoute,
  magicRoute,
  openLinkRoute,
  factLinkRoute,
  inviteRoute,
  presentRoute,
  meetingRoute,
  appRoute.addChildren([
    clientsRoute,
    clientRoute,
    cycleRoute,
    postRoute,
    factRequestRoute,
    membersRoute,
    insightsRoute,
    settingsRoute,
    outboxRoute,
    outboxMessageRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
