import { Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../../../shared/api/catalogue.ts';
import type { PostAsset } from '../../../../shared/api/index.ts';
import { urlOf } from '../../../api/client.ts';
import { firstImage } from './previewProps.ts';
import classes from './previews.module.css';

/** The post's first image, or a placeholder where the visual will go. */
export function PreviewMedia({ assets, ratio = 1 }: { assets: PostAsset[]; ratio?: number }) {
  const { t } = useTranslation();
  const image = firstImage(assets);
  const more = assets.length - 1;
  return (
    <div className={classes.media} style={{ aspectRatio: String(ratio) }}>
      {image ? (
        <img
          src={urlOf(endpoints.downloadPostAsset, { params: { assetId: image.id }, query: { preview: '1' } })}
          alt={image.name}
        />
      ) : (
        <Stack gap={4} align="center" justify="center" h="100%" c="gray.7">
          <IconPhoto size={40} aria-hidden />
          <Text size="xs">{t('postEditor.preview.noVisual')}</Text>
        </Stack>
      )}
      {image && more > 0 && (
        <span className={classes.count}>
          <span aria-hidden>1/{assets.length}</span>
          <VisuallyHidden>{t('postEditor.preview.moreMedia', { count: more })}</VisuallyHidden>
        </span>
      )}
    </div>
  );
}
