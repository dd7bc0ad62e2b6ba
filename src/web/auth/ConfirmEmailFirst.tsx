import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../lib/errors.ts';
import { useRequestMagicLink, useRequestPasswordReset } from './mutations.ts';

/**
 * The account was set up from an invitation link and its address was never confirmed, so it
 * cannot join another agency yet (`email_unverified`). A link to the mailbox confirms it: a
 * sign-in link for a client contact, a reset link for anyone the server sends no sign-in links
 * to (agency members sign in with a password).
 */
export function ConfirmEmailFirst({ email, byReset }: { email: string; byReset: boolean }) {
  const { t } = useTranslation();
  const magic = useRequestMagicLink();
  const reset = useRequestPasswordReset();
  const request = byReset ? reset : magic;

  if (request.isSuccess) {
    return (
      <Alert color="teal" variant="light" icon={<IconMailCheck />} role="status">
        {t('invite.confirmEmailSent', { email })}
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" icon={<IconAlertCircle />} role="alert">
        {t('invite.confirmEmailFirst', { email })}
      </Alert>
      <Button
        fullWidth
        loading={request.isPending}
        onClick={() => request.mutate({ email }, { onError: (error) => notifyError(error, t) })}
      >
        {byReset ? t('invite.confirmEmailByReset') : t('invite.confirmEmailByLink')}
      </Button>
    </Stack>
  );
}
