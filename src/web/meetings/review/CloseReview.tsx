import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFlagCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/api/index.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { useCloseReview } from './meetingReviewMutations.ts';

interface Props {
  meeting: Meeting;
  /** Topics of the plan nobody decided on yet. */
  undecided: number;
  onChanged: () => void;
}

/** Ends the review like a meeting; topics still undecided are accepted as they are, if the agency says so. */
export function CloseReview({ meeting, undecided, onChanged }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const end = useCloseReview(meeting, onChanged);
  const confirm = () =>
    end.mutate(undecided > 0, {
      onSuccess: () => {
        notifySuccess(t('review.closed'));
        close();
      },
      onError: (error) => notifyError(error, t),
    });
  return (
    <>
      <Button leftSection={<IconFlagCheck size={18} aria-hidden />} onClick={open}>
        {t('review.close')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('review.closeTitle')} centered>
        <Text size="sm">{t('review.closeBody')}</Text>
        {undecided > 0 && (
          <Text size="sm" mt="sm" fw={500}>
            {t('review.undecided', { count: undecided })}
          </Text>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={confirm} loading={end.isPending} data-autofocus>
            {undecided > 0 ? t('review.acceptUndecided') : t('review.close')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
