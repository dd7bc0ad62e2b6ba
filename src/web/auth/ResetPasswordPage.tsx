import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { notifySuccess, reportFormError } from '../lib/errors.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { hasErrors, password as passwordRule, validate } from '../lib/validate.ts';
import { useConfirmPasswordReset } from './mutations.ts';

const route = getRouteApi('/reset-password/$token');

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const { token } = route.useParams();
  const navigate = useNavigate();
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const linkBroken = confirm.error instanceof ApiError && confirm.error.code === 'token_invalid';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = validate({ password }, { password: [passwordRule] }, t);
    if (!found.password && repeat !== password) found.repeat = t('validation.passwordsDiffer');
    setErrors(found);
    if (hasErrors(found)) return;
    confirm.mutate(
      { token, password },
      {
        onSuccess: () => {
          notifySuccess(t('reset.done'));
          void navigate({ to: '/' });
        },
        onError: (error) => {
          if (!(error instanceof ApiError && error.code === 'token_invalid')) {
            reportFormError(error, t, ['password'], setErrors);
          }
        },
      },
    );
  };

  return (
    <AuthLayout title={t('reset.title')} description={t('reset.description')}>
      {linkBroken ? (
        <Stack>
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {t('reset.linkInvalid')}
          </Alert>
          <Anchor renderRoot={(props) => <Link to="/reset-password" {...props} />}>
            {t('reset.requestNew')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <NewPasswordFields
              password={password}
              repeat={repeat}
              onPasswordChange={(e) => setPassword(e.currentTarget.value)}
              onRepeatChange={(e) => setRepeat(e.currentTarget.value)}
              error={errors.password}
              repeatError={errors.repeat}
            />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
