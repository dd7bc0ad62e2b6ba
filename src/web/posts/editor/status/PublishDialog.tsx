import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostFull } from '../../../../shared/api/index.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  pending: boolean;
  onConfirm: (publishedUrl: string) => Promise<PostFull | null>;
}

const isWebLink = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** Publishing happens on the network; Plit records it by the post's address there. */
export function PublishDialog({ opened, onClose, pending, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('postEditor.publish.title')} centered>
      {opened && <PublishForm pending={pending} onClose={onClose} onConfirm={onConfirm} />}
    </Modal>
  );
}

function PublishForm({ pending, onClose, onConfirm }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const value = url.trim();
        if (!isWebLink(value)) {
          setError(t('postEditor.publish.urlInvalid'));
          return;
        }
        void onConfirm(value);
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t('postEditor.publish.body')}</Text>
        <TextInput
          type="url"
          inputMode="url"
          label={t('postEditor.publish.url')}
          placeholder="https://"
          value={url}
          onChange={(event) => {
            setUrl(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          required
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="green" loading={pending}>
            {t('postEditor.publish.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
