import { Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { changeLanguage, currentLanguage, type Language, languageNames, languages } from '../i18n/index.ts';
import { notifySuccess, reportFormError } from '../lib/errors.ts';
import { useMe } from '../lib/useMe.ts';
import { hasErrors, maxLength, required, validate } from '../lib/validate.ts';
import { useUpdateMe } from './mutations.ts';

export function ProfileForm() {
  const { t } = useTranslation();
  const me = useMe();
  const update = useUpdateMe();
  const [name, setName] = useState(me.user.name);
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate({ name }, { name: [required, maxLength(200)] }, t);
    setErrors(found);
    if (hasErrors(found)) return;
    update.mutate(
      { name: name.trim(), locale: language },
      {
        onSuccess: async () => {
          await changeLanguage(language);
          notifySuccess(t('settings.profileSaved'));
        },
        onError: (error) => reportFormError(error, t, ['name', 'locale'], setErrors),
      },
    );
  };

  return (
    <section aria-labelledby="profile-heading">
      <SectionHeader id="profile-heading" title={t('settings.profile')} />
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput label={t('fields.email')} value={me.user.email} readOnly variant="filled" />
            <TextInput
              label={t('fields.yourName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              autoComplete="name"
              required
            />
            <Select
              label={t('language.label')}
              data={languages.map((value) => ({ value, label: languageNames[value] }))}
              value={language}
              onChange={(v) => v && setLanguage(v as Language)}
              allowDeselect={false}
              error={errors.locale}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                {t('common.saveChanges')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}
