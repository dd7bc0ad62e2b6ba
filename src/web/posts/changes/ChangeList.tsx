import { Stack } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostSummary, UnplannedChange } from '../../../shared/api/index.ts';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { ChangeRow } from './ChangeRow.tsx';

interface Props {
  changes: UnplannedChange[];
  posts: PostSummary[];
  /** The "Log a change" button, for the empty state. */
  action?: ReactNode;
}

/** The month's changes, newest first; or what an unplanned change is, while there are none. */
export function ChangeList({ changes, posts, action }: Props) {
  const { t } = useTranslation();
  if (changes.length === 0) {
    return (
      <EmptyBlock
        order={3}
        icon={<IconLifebuoy />}
        title={t('changes.empty.title')}
        description={t('changes.empty.description')}
        action={action}
      />
    );
  }
  const postById = new Map(posts.map((p) => [p.id, p]));
  return (
    <Stack
      component="ul"
      gap="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('changes.listLabel')}
    >
      {changes.map((c) => (
        <ChangeRow key={c.id} change={c} post={c.postId ? postById.get(c.postId) : undefined} />
      ))}
    </Stack>
  );
}
