import { Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** After a situational post is logged or a "what if" activated: its draft is waiting to be written. */
export function PostCreated({
  postId,
  message,
  onClose,
}: {
  postId: string;
  message: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="md" align="center" ta="center" py="md">
      <ThemeIcon size={48} radius="xl" color="teal" variant="light" aria-hidden>
        <IconCircleCheck size={30} />
      </ThemeIcon>
      <Text fw={600}>{message}</Text>
      <Text size="sm" c="dimmed">
        {t('changes.created.hint')}
      </Text>
      <Group justify="center" gap="sm" mt="xs">
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button data-autofocus onClick={() => void navigate({ to: '/posts/$postId', params: { postId } })}>
          {t('changes.created.open')}
        </Button>
      </Group>
    </Stack>
  );
}
