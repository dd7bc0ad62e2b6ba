import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TodoPost } from '../../shared/api/index.ts';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { useApprovePosts } from '../posts/mutations.ts';
import { OpenCommentsAlert } from '../posts/OpenCommentsAlert.tsx';

/**
 * "Approve all N posts" of one month from the to-do: asks first, and names the posts that still
 * have open comments, so a question nobody answered is not approved without a word. Each post is
 * approved as the version listed (its revision).
 */
export function ApproveAllButton({ cycleId, posts }: { cycleId: string; posts: TodoPost[] }) {
  const { t } = useTranslation();
  const approve = useApprovePosts(cycleId);
  const [opened, { open, close }] = useDisclosure(false);
  const title = (post: TodoPost) => post.title || t('todo.untitled');
  const withComments = posts.filter((p) => p.openComments > 0);

  const confirm = async () => {
    try {
      const answer = await approve.mutateAsync({
        // The dialog listed these comments: confirming approves those; one added since is asked again.
        posts: posts.map((p) => ({ postId: p.postId, revision: p.revision, openComments: p.openComments })),
      });
      const approved = answer.results.filter(
        (r) => r.outcome === 'approved' || r.outcome === 'already_approved',
      );
      notifySuccess(
        approved.length === posts.length
          ? t('todo.approved', { count: approved.length })
          : `${t('todo.approved', { count: approved.length })}. ${t('todo.notApproved')}`,
      );
      close();
    } catch (error) {
      notifyError(error, t);
    }
  };

  return (
    <>
      <Button color="approve" leftSection={<IconChecks size={18} aria-hidden />} onClick={open} fullWidth>
        {t('todo.approveAll', { count: posts.length })}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('postReview.bulk.confirmTitle', { count: posts.length })}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{t('postReview.bulk.confirmBody')}</Text>
          <OpenCommentsAlert
            posts={withComments.map((p) => ({ id: p.postId, title: title(p), openComments: p.openComments }))}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('todo.cancel')}
            </Button>
            <Button color="approve" onClick={() => void confirm()} loading={approve.isPending}>
              {withComments.length > 0
                ? t('todo.confirmApprove')
                : t('postReview.bulk.confirm', { count: posts.length })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
