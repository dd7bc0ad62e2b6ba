import { Avatar, Stack, Text } from '@mantine/core';
import { IconBookmark, IconHeart, IconMessageCircle, IconMusic, IconShare3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PreviewMedia } from './PreviewMedia.tsx';
import { PreviewText } from './PreviewText.tsx';
import { handleOf, type PreviewProps, postedText } from './previewProps.ts';
import classes from './previews.module.css';

/** TikTok shows the caption over the video, folded after about two lines. */
const FOLD = 80;

export function TikTokPreview(props: PreviewProps) {
  const { t } = useTranslation();
  const handle = handleOf(props.accountName);
  return (
    <div className={classes.tiktok}>
      <PreviewMedia assets={props.assets} ratio={9 / 16} />
      <Stack gap="md" align="center" className={classes.tiktokRail} aria-hidden>
        <Avatar size={40} radius="xl" color="pink">
          {props.accountName.slice(0, 1)}
        </Avatar>
        <IconHeart size={26} />
        <IconMessageCircle size={26} />
        <IconBookmark size={26} />
        <IconShare3 size={26} />
      </Stack>
      <div className={classes.tiktokCaption}>
        <Text size="sm" fw={700}>
          @{handle}
        </Text>
        <PreviewText
          text={postedText(props.copy, props.hashtags)}
          truncateAt={FOLD}
          linksLive={false}
          moreLabel={t('postEditor.preview.more')}
        />
        <Text size="xs" mt={4}>
          <IconMusic size={12} aria-hidden />{' '}
          {t('postEditor.preview.originalSound', { name: props.accountName })}
        </Text>
      </div>
    </div>
  );
}
