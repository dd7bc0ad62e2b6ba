import { Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { notifyError } from '../../lib/errors.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { useApprovePosts } from '../mutations.ts';
import { OpenCommentsAlert } from '../OpenCommentsAlert.tsx';
import type { ApproveResult } from './ApproveResults.tsx';
import { publishLabel } from './postTime.ts';

/** "Select all" above the queue, for approvers with several posts waiting. */
export function SelectAll({
  posts,
  selected,
  onChange,
}: {
  posts: PostSummary[];
  selected: number;
  onChange: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox
      px="sm"
      pt="sm"
      pb={4}
      size="md"
      label={t('postReview.bulk.selectAll', { count: posts.length })}
      checked={selected === posts.length}
      indeterminate={selected > 0 && selected < posts.length}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  );
}

/**
 * "Approve selected (N)": asks first, then approves each post as the version the person saw
 * (its revision), so a version sent meanwhile is refused for that post alone.
 */
export function BulkApproveBar({
  chosen,
  onDone,
}: {
  chosen: PostSummary[];
  onDone: (results: ApproveResult[]) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycle, client } = usePlanData();
  const approve = useApprovePosts(cycle.id);
  const [opened, { open, close }] = useDisclosure(false);
  const title = (post: PostSummary) => post.topicTitle ?? t('postReview.list.untitled');
  // A post with a comment nobody resolved is named and asked about, not approved without a word.
  const withComments = chosen.filter((p) => p.openComments > 0);

  const confirm = async () => {
    try {
      const answer = await approve.mutateAsync({
        // The dialog listed these comments: confirming approves those; one added since is asked again.
        posts: chosen.map((p) => ({ postId: p.id, revision: p.revision, openComments: p.openComments })),
      });
      const byId = new Map(chosen.map((p) => [p.id, p]));
      onDone(
        answer.results.map((r) => ({
          postId: r.postId,
          title: byId.get(r.postId) ? title(byId.get(r.postId)!) : r.postId,
          round: byId.get(r.postId)?.round ?? 0,
          outcome: r.outcome,
        })),
      );
      close();
    } catch (error) {
      notifyError(error, t);
    }
  };

  return (
    <>
      <Group>
        <Button
          leftSection={<IconChecks size={18} aria-hidden />}
          color="teal"
          disabled={chosen.length === 0}
          onClick={open}
        >
          {t('postReview.bulk.approveSelected', { count: chosen.length })}
        </Button>
        {chosen.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('postReview.bulk.pickHint')}
          </Text>
        )}
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        title={t('postReview.bulk.confirmTitle', { count: chosen.length })}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">{t('postReview.bulk.confirmBody')}</Text>
          <List size="sm" spacing={4}>
            {chosen.map((post) => (
              <List.Item key={post.id} style={{ overflowWrap: 'anywhere' }}>
                <Text span size="sm" fw={600}>
                  {title(post)}
                </Text>
                <Text span size="sm" c="dimmed">
                  {' · '}
                  {publishLabel(post.publishAt, client.timezone, language)}
                </Text>
              </List.Item>
            ))}
          </List>
          <OpenCommentsAlert
            posts={withComments.map((p) => ({ id: p.id, title: title(p), openComments: p.openComments }))}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="approve" onClick={() => void confirm()} loading={approve.isPending}>
              {withComments.length > 0
                ? t('todo.confirmApprove')
                : t('postReview.bulk.confirm', { count: chosen.length })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
