import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader.tsx';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { NotificationSettingsForm } from '../posts/changes/NotificationSettingsForm.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { SessionList } from './SessionList.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Stack gap="xl" maw={800}>
        <ProfileForm />
        <NotificationSettingsForm />
        <ChangePasswordForm />
        <SessionList />
      </Stack>
    </>
  );
}
