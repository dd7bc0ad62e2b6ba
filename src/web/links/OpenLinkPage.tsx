import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconLogin } from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { errorMessage } from '../lib/errors.ts';
import { landingPath } from '../lib/landing.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { useOpenLink } from './mutations.ts';
import { subjectPage } from './subjectPage.ts';

/**
 * Lands from an emailed or copied link (`/open/…`, and `/facts/open/…` of older fact-request
 * emails): the link opens its one subject (a fact request, a month's posts for review, a
 * meeting) without a password, and the page goes there. A link that has ended says so (a
 * meeting's link, that the meeting is over and its summary waits after signing in) and offers
 * the usual sign-in.
 */
export function OpenLinkPage() {
  const { t } = useTranslation();
  usePageTitle(t('links.open.title'));
  const { token } = useParams({ strict: false }) as { token: string };
  // Checked again here: whichever route shows this page, only a path of this site is followed.
  const next = landingPath((useSearch({ strict: false }) as { next?: unknown }).next);
  const navigate = useNavigate();
  const open = useOpenLink();
  // The ref keeps a re-run effect (strict mode) from asking twice.
  const asked = useRef<string | null>(null);
  const { mutate } = open;

  useEffect(() => {
    if (asked.current === token) return;
    asked.current = token;
    mutate(
      { token },
      {
        onSuccess: ({ opens }) =>
          void (next
            ? navigate({ href: next, replace: true })
            : navigate({ ...subjectPage(opens), replace: true })),
      },
    );
  }, [token, next, mutate, navigate]);

  const code = open.error instanceof ApiError ? open.error.code : null;
  const ended = code === 'token_invalid';
  // A meeting's link opened after the meeting: say that it ended, not that the link is bad.
  const meetingEnded = code === 'meeting_ended';
  const title = meetingEnded ? t('meeting.ended.title') : t('links.open.failed');

  return (
    <AuthLayout title={open.isError ? title : t('links.open.title')}>
      {open.isError ? (
        <Stack>
          <Alert
            color={ended || meetingEnded ? 'orange' : 'red'}
            variant="light"
            icon={<IconAlertCircle />}
            role="alert"
          >
            {ended ? t('links.open.ended') : errorMessage(open.error, t)}
          </Alert>
          <Button
            size="md"
            h="auto"
            mih={44}
            py={8}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
            leftSection={<IconLogin size={18} aria-hidden />}
            renderRoot={(props) => <Link to="/login" search={{}} {...props} />}
          >
            {t('links.open.signIn')}
          </Button>
        </Stack>
      ) : (
        <Stack align="center" gap="sm" role="status">
          <Loader aria-hidden />
          <Text>{t('links.open.opening')}</Text>
        </Stack>
      )}
    </AuthLayout>
  );
}
