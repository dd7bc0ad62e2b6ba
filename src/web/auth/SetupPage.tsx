import { Button, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { reportFormError } from '../lib/errors.ts';
import { useFieldValues } from '../lib/useFieldValues.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import {
  email as emailRule,
  hasErrors,
  maxLength,
  password as passwordRule,
  required,
  validate,
} from '../lib/validate.ts';
import { useSetup } from './mutations.ts';

const fields = ['agencyName', 'name', 'email', 'password'] as const;

/** First run: the person installing Plit creates the agency and becomes its owner. */
export function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('setup.title'));
  const navigate = useNavigate();
  const setup = useSetup();
  const [values, set] = useFieldValues({ agencyName: '', name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(
      values,
      {
        agencyName: [required, maxLength(200)],
        name: [required, maxLength(200)],
        email: [required, emailRule],
        password: [passwordRule],
      },
      t,
    );
    setErrors(found);
    if (hasErrors(found)) return;
    setup.mutate(
      {
        agencyName: values.agencyName.trim(),
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        locale: currentLanguage(),
      },
      {
        onSuccess: () => void navigate({ to: '/', replace: true }),
        onError: (error) => reportFormError(error, t, fields, setErrors),
      },
    );
  };

  return (
    <AuthLayout title={t('setup.title')} description={t('setup.description')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('setup.agencyName')}
            value={values.agencyName}
            onChange={set('agencyName')}
            error={errors.agencyName}
            autoComplete="organization"
            required
          />
          <TextInput
            label={t('fields.yourName')}
            value={values.name}
            onChange={set('name')}
            error={errors.name}
            autoComplete="name"
            required
          />
          <TextInput
            label={t('fields.email')}
            type="email"
            value={values.email}
            onChange={set('email')}
            error={errors.email}
            autoComplete="email"
            required
          />
          <PasswordField
            label={t('fields.password')}
            description={t('fields.passwordHint')}
            value={values.password}
            onChange={set('password')}
            error={errors.password}
            autoComplete="new-password"
            required
          />
          <Button type="submit" loading={setup.isPending} fullWidth>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
