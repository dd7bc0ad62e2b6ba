import { Button, Group, Paper, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { authKeys } from '../auth/queries.ts';
import { NewPasswordFields } from '../components/NewPasswordFields.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { notifySuccess, reportFormError } from '../lib/errors.ts';
import { useFieldValues } from '../lib/useFieldValues.ts';
import { useMe } from '../lib/useMe.ts';
import { hasErrors, password as passwordRule, required, validate } from '../lib/validate.ts';
import { useChangePassword } from './mutations.ts';
import { settingsKeys } from './queries.ts';

const empty = { currentPassword: '', newPassword: '', repeat: '' };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const change = useChangePassword();
  const [values, set, setValues] = useFieldValues(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const hasPassword = me.user.hasPassword;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = validate(
      values,
      { currentPassword: hasPassword ? [required] : [], newPassword: [passwordRule] },
      t,
    );
    if (!found.newPassword && values.repeat !== values.newPassword)
      found.repeat = t('validation.passwordsDiffer');
    setErrors(found);
    if (hasErrors(found)) return;
    change.mutate(
      { currentPassword: hasPassword ? values.currentPassword : undefined, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues(empty);
          notifySuccess(t('settings.passwordChanged'));
          void queryClient.invalidateQueries({ queryKey: authKeys.me });
          // The server ended every other session: the list on this page must say so.
          void queryClient.invalidateQueries({ queryKey: settingsKeys.sessions });
        },
        onError: (error) => {
          // A wrong current password comes back as a field error (English text) or as
          // invalid_credentials; either way show our own words under that field.
          if (
            error instanceof ApiError &&
            (error.code === 'invalid_credentials' || error.fields.currentPassword)
          ) {
            setErrors({ currentPassword: t('settings.wrongCurrentPassword') });
          } else reportFormError(error, t, ['currentPassword', 'newPassword'], setErrors);
        },
      },
    );
  };

  return (
    <section aria-labelledby="password-heading">
      <SectionHeader
        id="password-heading"
        title={hasPassword ? t('settings.changePassword') : t('settings.setPassword')}
        description={hasPassword ? undefined : t('settings.setPasswordHint')}
      />
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {/* Lets password managers tie the new password to this account. */}
            <input type="email" autoComplete="username" value={me.user.email} readOnly hidden />
            {hasPassword && (
              <PasswordField
                label={t('fields.currentPassword')}
                autoComplete="current-password"
                value={values.currentPassword}
                onChange={set('currentPassword')}
                error={errors.currentPassword}
                required
              />
            )}
            <NewPasswordFields
              password={values.newPassword}
              repeat={values.repeat}
              onPasswordChange={set('newPassword')}
              onRepeatChange={set('repeat')}
              error={errors.newPassword}
              repeatError={errors.repeat}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={change.isPending}>
                {hasPassword ? t('settings.changePassword') : t('settings.setPassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}
