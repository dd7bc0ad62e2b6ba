import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import './i18n/index.ts';
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, setUnauthorizedHandler } from './api/client.ts';
import { authKeys } from './auth/queries.ts';
import { Providers } from './components/Providers.tsx';
import { createAppRouter } from './router.tsx';

const queryClient = new QueryClient({
  // A create retried with its key whose first send was saved but whose answer was lost (its node
  // stopped): the thing exists. Refetch what is on screen so it shows; the form's message says it
  // was saved, so no one clicks again and makes a second one.
  mutationCache: new MutationCache({
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'request_already_done')
        void queryClient.invalidateQueries();
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A 4xx will answer the same again; only retry what may be passing trouble.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const router = createAppRouter(queryClient);

const publicPaths = ['/login', '/setup', '/reset-password', '/magic/', '/invite/', '/facts/open/'];

// The session ended (expired, revoked elsewhere): forget what we knew and ask to sign in again.
setUnauthorizedHandler(() => {
  const { pathname, href } = router.state.location;
  if (publicPaths.some((p) => pathname.startsWith(p))) return;
  queryClient.setQueryData(authKeys.me, null);
  void router.navigate({ to: '/login', search: { redirect: href } });
});

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </Providers>
  </StrictMode>,
);
