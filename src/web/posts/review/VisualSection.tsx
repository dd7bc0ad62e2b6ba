import { Anchor, Button, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFile, IconMessagePlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../../shared/api/catalogue.ts';
import type { PostVersion } from '../../../shared/api/index.ts';
import { urlOf } from '../../api/client.ts';
import type { CommentTarget } from './CommentComposer.tsx';

interface Props {
  version: PostVersion;
  canComment: boolean;
  onComment: (target: CommentTarget) => void;
  /** The comment box, when it is about the visual. */
  composer: ReactNode;
}

const assetUrl = (assetId: string, preview = false) =>
  urlOf(endpoints.downloadPostAsset, { params: { assetId }, query: preview ? { preview: '1' } : {} });

/** The visual: the designer's brief and the files sent with the version, each open to comments. */
export function VisualSection({ version, canComment, onComment, composer }: Props) {
  const { t } = useTranslation();
  if (!version.visualBrief && version.assets.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="visual-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id="visual-heading">
            {t('postReview.visual.title')}
          </Title>
          {canComment && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconMessagePlus size={14} aria-hidden />}
              onClick={() =>
                onComment({ kind: 'visual', assetId: null, label: t('postReview.visual.brief') })
              }
            >
              {t('postReview.visual.commentOnVisual')}
            </Button>
          )}
        </Group>
        {version.visualBrief && (
          <div>
            <Text size="sm" fw={600}>
              {t('postReview.visual.brief')}
            </Text>
            <Text size="sm" className="pre-wrap">
              {version.visualBrief}
            </Text>
          </div>
        )}
        {version.assets.length > 0 && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {version.assets.map((asset) => (
              <Paper key={asset.id} withBorder radius="sm" p={6}>
                <Stack gap={6}>
                  {asset.contentType.startsWith('image/') ? (
                    <Anchor href={assetUrl(asset.id, true)} target="_blank" rel="noopener noreferrer">
                      <Image
                        src={assetUrl(asset.id, true)}
                        alt={t('postReview.visual.imageAlt', { name: asset.name })}
                        radius="sm"
                        fit="contain"
                        mah={320}
                        loading="lazy"
                      />
                    </Anchor>
                  ) : asset.contentType.startsWith('video/') ? (
                    // biome-ignore lint/a11y/useMediaCaption: the client's own footage has no captions yet
                    <video
                      src={assetUrl(asset.id, true)}
                      controls
                      preload="metadata"
                      style={{ width: '100%', maxHeight: 320 }}
                    />
                  ) : (
                    <Group gap={6} wrap="nowrap" p="xs">
                      <IconFile size={20} aria-hidden />
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {asset.name}
                      </Text>
                    </Group>
                  )}
                  <Group justify="space-between" gap={4} wrap="wrap">
                    <Anchor href={assetUrl(asset.id)} size="xs" style={{ overflowWrap: 'anywhere' }} download>
                      <IconDownload size={12} aria-hidden style={{ verticalAlign: -1 }} /> {asset.name}
                    </Anchor>
                    {canComment && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        leftSection={<IconMessagePlus size={12} aria-hidden />}
                        onClick={() => onComment({ kind: 'visual', assetId: asset.id, label: asset.name })}
                        aria-label={t('postReview.visual.commentOnFile', { name: asset.name })}
                      >
                        {t('postReview.review.comment')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        )}
        {composer}
      </Stack>
    </Paper>
  );
}
