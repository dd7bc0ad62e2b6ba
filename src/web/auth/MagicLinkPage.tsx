import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { errorMessage } from '../lib/errors.ts';
import { landingPath } from '../lib/landing.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { useConfirmMagicLink } from './mutations.ts';

const route = getRouteApi('/magic/$token');

/** Lands from an emailed sign-in link: spends the token once, then goes where the person was going (or home). */
export function MagicLinkPage() {
  const { t } = useTranslation();
  usePageTitle(t('magic.title'));
  const { token } = route.useParams();
  const next = landingPath(route.useSearch().next);
  const navigate = useNavigate();
  const confirm = useConfirmMagicLink();
  // A token works once; the ref keeps a re-run effect from spending it twice.
  const spent = useRef<string | null>(null);
  const { mutate } = confirm;

  useEffect(() => {
    if (spent.current === token) return;
    spent.current = token;
    mutate(
      { token },
      {
        onSuccess: () =>
          void (next ? navigate({ href: next, replace: true }) : navigate({ to: '/', replace: true })),
      },
    );
  }, [token, next, mutate, navigate]);

  const invalid = confirm.error instanceof ApiError && confirm.error.code === 'token_invalid';

  return (
    <AuthLayout title={t('magic.title')}>
      {confirm.isError ? (
        <Stack>
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle />}
            role="alert"
            title={t('magic.failed')}
          >
            {invalid ? t('magic.invalid') : errorMessage(confirm.error, t)}
          </Alert>
          <Anchor renderRoot={(props) => <Link to="/login" search={{}} {...props} />}>
            {t('magic.backToLogin')}
          </Anchor>
        </Stack>
      ) : (
        <Stack align="center" gap="sm" role="status">
          <Loader aria-hidden />
          <Text>{t('magic.signingIn')}</Text>
        </Stack>
      )}
    </AuthLayout>
  );
}
