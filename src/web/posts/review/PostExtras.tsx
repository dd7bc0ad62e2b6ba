import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PostVersion } from '../../../shared/api/index.ts';

/** Hashtags, the link and the first comment, as they go out with the copy. */
export function PostExtras({ version }: { version: PostVersion }) {
  const { t } = useTranslation();
  if (version.hashtags.length === 0 && !version.link && !version.firstComment) return null;
  return (
    <Stack gap="sm">
      {version.hashtags.length > 0 && (
        <div>
          <Text size="sm" fw={600} id="hashtags-label">
            {t('postReview.extras.hashtags')}
          </Text>
          <Group
            gap={6}
            mt={4}
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-labelledby="hashtags-label"
          >
            {version.hashtags.map((tag) => (
              <Badge key={tag} component="li" variant="light" color="indigo" tt="none" size="lg" fw={500}>
                #{tag}
              </Badge>
            ))}
          </Group>
        </div>
      )}
      {version.link && (
        <div>
          <Text size="sm" fw={600}>
            {t('postReview.extras.link')}
          </Text>
          <Anchor
            href={version.link}
            target="_blank"
            rel="noopener noreferrer"
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
          >
            {version.link} <IconExternalLink size={12} aria-hidden style={{ verticalAlign: -1 }} />
          </Anchor>
        </div>
      )}
      {version.firstComment && (
        <div>
          <Text size="sm" fw={600}>
            {t('postReview.extras.firstComment')}
          </Text>
          <Text size="sm" className="pre-wrap">
            {version.firstComment}
          </Text>
        </div>
      )}
    </Stack>
  );
}
