import { Alert, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconConfetti, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { approveOutcomes } from '../../../shared/api/index.ts';
import { PostLink } from './PostLink.tsx';

export interface ApproveResult {
  postId: string;
  title: string;
  round: number;
  outcome: (typeof approveOutcomes)[number];
}

const outcomeIcon = {
  approved: <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />,
  already_approved: <IconInfoCircle size={16} color="var(--mantine-color-blue-7)" aria-hidden />,
  outdated: <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden />,
  not_in_review: <IconInfoCircle size={16} color="var(--mantine-color-gray-7)" aria-hidden />,
};

/** What "Approve selected" did, post by post: approved, or why not (and what to do). */
export function ApproveResults({ results, onClose }: { results: ApproveResult[]; onClose: () => void }) {
  const { t } = useTranslation();
  const approved = results.filter((r) => r.outcome === 'approved');
  const firstRound = approved.filter((r) => r.round === 1).length;
  const allGood = approved.length === results.length;
  return (
    <Alert
      color={allGood ? 'teal' : 'orange'}
      variant="light"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      icon={allGood ? <IconCircleCheck /> : <IconAlertTriangle />}
      title={t('postReview.bulk.resultTitle', { count: approved.length, total: results.length })}
      role="status"
    >
      {firstRound > 0 && (
        <Group gap={6} mb="xs" wrap="nowrap">
          <IconConfetti size={18} aria-hidden />
          <Text size="sm" fw={600}>
            {t('postReview.bulk.firstRound', { count: firstRound })}
          </Text>
        </Group>
      )}
      <List size="sm" spacing={4} listStyleType="none" ml={0} pl={0}>
        {results.map((r) => (
          <List.Item key={r.postId} icon={outcomeIcon[r.outcome]}>
            <PostLink postId={r.postId} title={r.title} size="sm" fw={600} />
            <Text span size="sm">
              {': '}
              {t(`postReview.bulk.outcomes.${r.outcome}`)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
