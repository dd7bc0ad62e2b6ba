import { Alert, Anchor, Button, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { ResponseOf } from '../../shared/api/endpoint.ts';
import { ApiError, call } from '../api/client.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { notifyError, reportFormError } from '../lib/errors.ts';
import { roleLabel } from '../lib/roles.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { hasErrors, maxLength, password as passwordRule, required, validate } from '../lib/validate.ts';
import { ConfirmEmailFirst } from './ConfirmEmailFirst.tsx';
import { useAcceptInvitation, useLogout } from './mutations.ts';
import { meQuery } from './queries.ts';

type InvitationPreview = ResponseOf<typeof endpoints.previewInvitation>;

const route = getRouteApi('/invite/$token');

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invite.title'));
  const { token } = route.useParams();
  const preview = useQuery({
    queryKey: ['invitationPreview', token],
    queryFn: () => call(endpoints.previewInvitation, { query: { token } }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const invalid = preview.error instanceof ApiError && preview.error.code === 'token_invalid';

  return (
    <AuthLayout
      title={t('invite.title')}
      description={preview.data ? <InvitationSummary preview={preview.data} /> : undefined}
    >
      {preview.isPending ? (
        <Stack aria-busy="true">
          <Text role="status" size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
          <Skeleton h={36} />
          <Skeleton h={36} />
        </Stack>
      ) : invalid ? (
        <Stack>
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {t('invite.invalid')}
          </Alert>
          <Anchor renderRoot={(props) => <Link to="/login" search={{}} {...props} />}>
            {t('magic.backToLogin')}
          </Anchor>
        </Stack>
      ) : preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : preview.data.existingUser ? (
        <ExistingAccount token={token} preview={preview.data} />
      ) : (
        <AcceptForm token={token} preview={preview.data} />
      )}
    </AuthLayout>
  );
}

function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const { t } = useTranslation();
  const role = roleLabel(preview.role, t).toLocaleLowerCase();
  return preview.clientName
    ? t('invite.summaryClient', { agency: preview.agencyName, client: preview.clientName, role })
    : t('invite.summaryAgency', { agency: preview.agencyName, role });
}

/** A new account: name, and a password unless emailed links will do (client contacts). */
function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const passwordRules = preview.passwordRequired || password ? [passwordRule] : [];
    const found = validate(
      { name, password },
      { name: [required, maxLength(200)], password: passwordRules },
      t,
    );
    setErrors(found);
    if (hasErrors(found)) return;
    accept.mutate(
      { token, name: name.trim(), password: password || undefined },
      {
        onSuccess: () => void navigate({ to: '/', replace: true }),
        onError: (error) => reportFormError(error, t, ['name', 'password'], setErrors),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('fields.email')} value={preview.email} readOnly variant="filled" />
        <TextInput
          label={t('fields.yourName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          autoComplete="name"
          required
        />
        <PasswordField
          label={preview.passwordRequired ? t('fields.password') : t('invite.passwordOptional')}
          description={preview.passwordRequired ? t('fields.passwordHint') : t('invite.passwordOptionalHint')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          autoComplete="new-password"
          required={preview.passwordRequired}
        />
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t('invite.accept')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * The email already has a Plit account: the invitation is added to it, which needs that
 * account signed in (the link alone must not sign anyone in to an existing account).
 */
function ExistingAccount({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useQuery(meQuery);
  const accept = useAcceptInvitation();
  const logout = useLogout();
  const here = `/invite/${token}`;
  const toLogin = () => void navigate({ to: '/login', search: { redirect: here } });

  if (me.isPending) return <Skeleton h={36} />;
  if (!me.data) {
    return (
      <Stack gap="md">
        <Text size="sm">{t('invite.logInFirst', { email: preview.email })}</Text>
        <Button fullWidth onClick={toLogin}>
          {t('invite.logInToAccept')}
        </Button>
      </Stack>
    );
  }
  if (me.data.user.email.toLowerCase() !== preview.email.toLowerCase()) {
    return (
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertCircle />}>
          {t('invite.otherAccount', { current: me.data.user.email, email: preview.email })}
        </Alert>
        <Button
          fullWidth
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: toLogin })}
        >
          {t('invite.switchAccount')}
        </Button>
      </Stack>
    );
  }
  // Set up from an invitation link and never confirmed: another agency must wait for the mailbox.
  if (accept.error instanceof ApiError && accept.error.code === 'email_unverified') {
    // Sign-in links go only to client contacts outside any agency; anyone else confirms by a reset.
    const byReset = me.data.agency !== null || me.data.clientMemberships.length === 0;
    return <ConfirmEmailFirst email={me.data.user.email} byReset={byReset} />;
  }
  return (
    <Stack gap="md">
      <Text size="sm">{t('invite.existingUser')}</Text>
      <Button
        fullWidth
        loading={accept.isPending}
        onClick={() =>
          accept.mutate(
            { token },
            {
              onSuccess: () => void navigate({ to: '/', replace: true }),
              onError: (error) => {
                if (!(error instanceof ApiError && error.code === 'email_unverified')) notifyError(error, t);
              },
            },
          )
        }
      >
        {t('invite.accept')}
      </Button>
    </Stack>
  );
}
