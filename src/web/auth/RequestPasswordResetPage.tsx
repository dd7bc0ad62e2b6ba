import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { IconMailCheck, IconMailOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { reportFormError } from '../lib/errors.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { email as emailRule, hasErrors, required, validate } from '../lib/validate.ts';
import { useRequestPasswordReset } from './mutations.ts';
import { setupQuery } from './queries.ts';

export function RequestPasswordResetPage() {
  const { t } = useTranslation();
  usePageTitle(t('resetRequest.title'));
  const request = useRequestPasswordReset();
  // Without SMTP no reset link can reach anyone; the operator can print one (`plit reset-link`).
  const noEmail = useQuery(setupQuery).data?.emailConfigured === false;
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate({ email }, { email: [required, emailRule] }, t);
    setErrors(found);
    if (hasErrors(found)) return;
    request.mutate(
      { email: email.trim() },
      { onError: (error) => reportFormError(error, t, ['email'], setErrors) },
    );
  };

  const backToLogin = (
    <Anchor size="sm" ta="center" renderRoot={(props) => <Link to="/login" search={{}} {...props} />}>
      {t('resetRequest.back')}
    </Anchor>
  );

  return (
    <AuthLayout
      title={t('resetRequest.title')}
      description={t('resetRequest.description')}
      footer={backToLogin}
    >
      {noEmail ? (
        <Alert color="gray" variant="light" icon={<IconMailOff />} role="status">
          {t('resetRequest.noEmail')}
        </Alert>
      ) : request.isSuccess ? (
        <Alert color="teal" variant="light" icon={<IconMailCheck />} role="status">
          {t('resetRequest.sent', { email: email.trim() })}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              required
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('resetRequest.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
