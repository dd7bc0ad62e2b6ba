import { Anchor, Box, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFile, IconMovie, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../../../shared/api/catalogue.ts';
import type { PostAsset, PostFull } from '../../../../shared/api/index.ts';
import { urlOf } from '../../../api/client.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { UploadControls, UploadStatus } from '../../../components/upload/UploadStatus.tsx';
import type { Upload } from '../../../components/upload/upload.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { notifyError } from '../../../lib/errors.ts';
import { formatSize } from '../../../lib/format.ts';
import { useDeleteAsset } from '../../mutations.ts';
import { AssetDropZone } from './AssetDropZone.tsx';
import classes from './assets.module.css';
import { useAssetUploads } from './useAssetUploads.ts';

/** An asset downloads as an attachment; `preview` shows an image inline instead. */
export const assetUrl = (assetId: string, preview = false) =>
  urlOf(endpoints.downloadPostAsset, { params: { assetId }, query: preview ? { preview: '1' } : {} });
export const isImage = (contentType: string) => contentType.startsWith('image/');

/** The post's photos, videos and layouts: thumbnails, downloads, uploads with progress. */
export function PostAssets({ data }: { data: PostFull }) {
  const { t } = useTranslation();
  const titleId = useId();
  const canUpload = data.permissions.uploadAssets;
  const { uploads, add, cancel, retry } = useAssetUploads(
    data.post.id,
    data.post.cycleId,
    data.maxUploadBytes,
  );
  const assets = data.post.assets;

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="md" id={titleId} mb="xs">
        {t('postEditor.assets.title')}
      </Title>
      <Stack gap="sm">
        {assets.length > 0 ? (
          <SimpleGrid
            cols={{ base: 2, xs: 3 }}
            spacing="xs"
            component="ul"
            className={classes.plainList}
            aria-labelledby={titleId}
          >
            {assets.map((asset) => (
              <AssetTile key={asset.id} postId={data.post.id} asset={asset} removable={canUpload} />
            ))}
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t('postEditor.assets.none')}
          </Text>
        )}
        {uploads.length > 0 && (
          <Stack gap={6} component="ul" className={classes.plainList} aria-live="polite">
            {uploads.map((u) => (
              <UploadRow key={u.key} upload={u} onCancel={() => cancel(u.key)} onRetry={() => retry(u.key)} />
            ))}
          </Stack>
        )}
        {canUpload && <AssetDropZone onFiles={add} labelledBy={titleId} />}
      </Stack>
    </Paper>
  );
}

function AssetTile({ postId, asset, removable }: { postId: string; asset: PostAsset; removable: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const remove = useDeleteAsset(postId);
  const href = assetUrl(asset.id);
  const preview = assetUrl(asset.id, true);
  return (
    <Paper component="li" withBorder radius="sm" className={classes.tile}>
      {isImage(asset.contentType) ? (
        <a
          href={preview}
          target="_blank"
          rel="noopener"
          className={classes.thumb}
          aria-label={t('postEditor.assets.open', { name: asset.name })}
        >
          <img src={preview} alt="" loading="lazy" />
        </a>
      ) : (
        <Box className={classes.thumb} aria-hidden>
          {asset.contentType.startsWith('video/') ? <IconMovie size={32} /> : <IconFile size={32} />}
        </Box>
      )}
      <Group gap={4} wrap="nowrap" p={6} align="flex-start">
        <Box miw={0} style={{ flex: 1 }}>
          <Anchor
            href={href}
            download={asset.name}
            size="xs"
            fw={500}
            className={classes.name}
            aria-label={t('postEditor.assets.download', { name: asset.name })}
          >
            {asset.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatSize(asset.size, language)}
          </Text>
        </Box>
        {removable && (
          <ConfirmButton
            label={t('postEditor.assets.remove', { name: asset.name })}
            icon={<IconTrash size={16} aria-hidden />}
            title={t('postEditor.assets.removeConfirm')}
            message={asset.name}
            confirmLabel={t('common.delete')}
            loading={remove.isPending}
            onConfirm={() =>
              remove.mutateAsync(asset.id).catch((error: unknown) => {
                notifyError(error, t);
                throw error;
              })
            }
          />
        )}
      </Group>
    </Paper>
  );
}

function UploadRow({
  upload,
  onCancel,
  onRetry,
}: {
  upload: Upload;
  onCancel: () => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const _failed = upload.state === 'failed';
  return (
    <Paper component="li" withBorder radius="sm" p={6}>
      <Group gap="sm" wrap="nowrap" align="center">
        <Box miw={0} style={{ flex: 1 }}>
          <Text size="sm" fw={500} className={classes.name}>
            {upload.file.name}
          </Text>
          <UploadStatus
            upload={upload}
            words={{
              failed: t('postEditor.assets.failed'),
              waiting: t('postEditor.assets.waiting'),
              uploading: (percent) => t('postEditor.assets.uploading', { percent }),
            }}
          />
        </Box>
        <UploadControls
          upload={upload}
          onRetry={onRetry}
          onCancel={onCancel}
          words={{
            retry: t('postEditor.assets.retry', { name: upload.file.name }),
            dismiss: t('postEditor.assets.dismiss', { name: upload.file.name }),
            cancel: t('postEditor.assets.cancel', { name: upload.file.name }),
          }}
        />
      </Group>
    </Paper>
  );
}
