import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { useCreateCalendarFeed, useRevokeCalendarFeed } from '../mutations.ts';

interface Props {
  clientId: string;
  opened: boolean;
  onClose: () => void;
}

/**
 * The client's posting schedule as a calendar subscription. The link is a secret: a new one
 * revokes the old, so it is shown once, right after it is made.
 */
export function CalendarFeedModal({ clientId, opened, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateCalendarFeed(clientId);
  const revoke = useRevokeCalendarFeed(clientId);
  const [url, setUrl] = useState<string | null>(null);

  const close = () => {
    setUrl(null);
    onClose();
  };

  const makeLink = () =>
    create.mutate(undefined, {
      onSuccess: (data) => setUrl(data.url),
      onError: (error) => notifyError(error, t),
    });

  const revokeLink = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setUrl(null);
        notifySuccess(t('feed.revoked'));
      },
      onError: (error) => notifyError(error, t),
    });

  return (
    <Modal opened={opened} onClose={close} title={t('feed.title')} centered size="lg">
      <Stack gap="md">
        <Text size="sm">{t('feed.description')}</Text>
        {url ? (
          <>
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                label={t('feed.url')}
                value={url}
                readOnly
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('feed.copied') : t('feed.copy')}>
                    <ActionIcon size="lg" variant="light" onClick={copy} aria-label={t('feed.copy')}>
                      {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
              {t('feed.secret')}
            </Alert>
          </>
        ) : (
          <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
            {t('feed.replaceHint')}
          </Alert>
        )}
        <Group justify="space-between" mt="sm">
          <Button variant="subtle" color="red" onClick={revokeLink} loading={revoke.isPending}>
            {t('feed.revoke')}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
            <Button onClick={makeLink} loading={create.isPending}>
              {url ? t('feed.createAgain') : t('feed.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
