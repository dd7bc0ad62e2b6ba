import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconMail } from '@tabler/icons-react';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { AuthLayout } from '../../components/AuthLayout.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useConfirmFactLink } from '../answerMutations.ts';

const route = getRouteApi('/facts/open/$token');

/**
 * Lands from the fact request's email: the link signs its contact in (no password) and opens
 * the request. An expired link offers the usual sign-in by email.
 */
export function FactLinkPage() {
  const { t } = useTranslation();
  usePageTitle(t('facts.link.title'));
  const { token } = route.useParams();
  const navigate = useNavigate();
  const confirm = useConfirmFactLink();
  // The ref keeps a re-run effect (strict mode) from asking twice.
  const asked = useRef<string | null>(null);
  const { mutate } = confirm;

  useEffect(() => {
    if (asked.current === token) return;
    asked.current = token;
    mutate(
      { token },
      {
        onSuccess: ({ requestId }) =>
          void navigate({ to: '/facts/$requestId', params: { requestId }, replace: true }),
      },
    );
  }, [token, mutate, navigate]);

  const invalid = confirm.error instanceof ApiError && confirm.error.code === 'token_invalid';

  return (
    <AuthLayout title={confirm.isError ? t('facts.link.failed') : t('facts.link.title')}>
      {confirm.isError ? (
        <Stack>
          <Alert color={invalid ? 'orange' : 'red'} variant="light" icon={<IconAlertCircle />} role="alert">
            {invalid ? t('facts.link.invalid') : errorMessage(confirm.error, t)}
          </Alert>
          <Button
            size="md"
            h="auto"
            mih={44}
            py={8}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
            leftSection={<IconMail size={18} aria-hidden />}
            renderRoot={(props) => <Link to="/login" search={{}} {...props} />}
          >
            {t('facts.link.askLink')}
          </Button>
        </Stack>
      ) : (
        <Stack align="center" gap="sm" role="status">
          <Loader aria-hidden />
          <Text>{t('facts.link.opening')}</Text>
        </Stack>
      )}
    </AuthLayout>
  );
}
