import { Button, Center } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { EmptyBlock } from './EmptyBlock.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Center component="main" mih="60vh" p="md">
      <EmptyBlock
        order={1}
        icon={<IconMapOff />}
        title={t('notFound.title')}
        description={t('notFound.description')}
        action={<Button renderRoot={(props) => <Link to="/" {...props} />}>{t('common.goHome')}</Button>}
      />
    </Center>
  );
}
