import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Commented {
  id: string;
  title: string;
  openComments: number;
}

/**
 * Before approving several posts at once: the ones with comments nobody resolved, named, so a
 * question is not approved without a word (the server asks again about one added since). Used
 * by the plan's bulk bar and the contact's to-do.
 */
export function OpenCommentsAlert({ posts }: { posts: Commented[] }) {
  const { t } = useTranslation();
  if (posts.length === 0) return null;
  return (
    <Alert color="orange" title={t('todo.confirmTitle')} p="sm">
      <Stack gap={4}>
        <Text size="sm">{t('todo.confirmText')}</Text>
        <List size="sm" spacing={2}>
          {posts.map((post) => (
            <List.Item key={post.id} style={{ overflowWrap: 'anywhere' }}>
              {post.title} · {t('todo.openComments', { count: post.openComments })}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}
