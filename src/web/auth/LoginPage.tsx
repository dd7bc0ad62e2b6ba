import { Alert, Anchor, Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconMailCheck, IconMailOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { errorMessage, notifyError } from '../lib/errors.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { email as emailRule, hasErrors, required, validate } from '../lib/validate.ts';
import { useLogin, useRequestMagicLink } from './mutations.ts';
import { setupQuery } from './queries.ts';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.pageTitle'));
  const search = route.useSearch();
  const router = useRouter();
  const login = useLogin();
  const magicLink = useRequestMagicLink();
  // Without SMTP a sign-in link would reach no one: say so instead of pretending to send it.
  const noEmail = useQuery(setupQuery).data?.emailConfigured === false;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'email' | 'password', string>>>({});
  const [magicSentTo, setMagicSentTo] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate({ email, password }, { email: [required, emailRule], password: [required] }, t);
    setErrors(found);
    if (hasErrors(found)) return;
    setMagicSentTo(null);
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => router.history.push(search.redirect ?? '/') },
    );
  };

  const sendMagicLink = () => {
    const found = validate({ email }, { email: [required, emailRule] }, t);
    setErrors(found);
    if (hasErrors(found)) return;
    login.reset();
    magicLink.mutate(
      // The emailed link lands where the person was going, not on the home page.
      { email: email.trim(), ...(search.redirect ? { next: search.redirect } : {}) },
      { onSuccess: () => setMagicSentTo(email.trim()), onError: (error) => notifyError(error, t) },
    );
  };

  // A wrong password or too many attempts is an answer to show in the form, not a toast.
  const loginError = login.error ? errorMessage(login.error, t) : null;

  return (
    <AuthLayout title={t('login.title')} description={t('login.description')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {loginError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {loginError}
            </Alert>
          )}
          {magicSentTo && (
            <Alert color="teal" variant="light" icon={<IconMailCheck />} role="status">
              {t('login.magicSent', { email: magicSentTo })}
            </Alert>
          )}
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            required
            data-autofocus
          />
          <PasswordField
            label={t('fields.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            required
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor size="sm" renderRoot={(props) => <Link to="/reset-password" {...props} />}>
              {t('login.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
      <Divider my="lg" label={t('login.or')} labelPosition="center" />
      {noEmail ? (
        <Alert color="gray" variant="light" icon={<IconMailOff />} role="status">
          {t('login.noEmail')}
        </Alert>
      ) : (
        <Stack gap="xs">
          <Button variant="default" fullWidth loading={magicLink.isPending} onClick={sendMagicLink}>
            {t('login.magicLink')}
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            {t('login.magicHint')}
          </Text>
        </Stack>
      )}
    </AuthLayout>
  );
}
