import { Avatar, Group, Text } from '@mantine/core';
import { IconBookmark, IconDots, IconHeart, IconMessageCircle, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PreviewMedia } from './PreviewMedia.tsx';
import { PreviewText } from './PreviewText.tsx';
import { handleOf, type PreviewProps, postedText } from './previewProps.ts';
import classes from './previews.module.css';

/** Instagram folds a caption after about 125 characters behind "… more". */
const CAPTION_FOLD = 125;

export function InstagramPreview(props: PreviewProps) {
  const { t } = useTranslation();
  const handle = handleOf(props.accountName);
  return (
    <div className={classes.card}>
      <Group justify="space-between" p="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Avatar size={32} radius="xl" color="pink" className={classes.ring}>
            {props.accountName.slice(0, 1)}
          </Avatar>
          <Text size="sm" fw={600} truncate>
            {handle}
          </Text>
        </Group>
        <IconDots size={18} aria-hidden />
      </Group>
      <PreviewMedia assets={props.assets} ratio={4 / 5} />
      <Group justify="space-between" px="xs" pt="xs" aria-hidden>
        <Group gap="sm">
          <IconHeart size={22} />
          <IconMessageCircle size={22} />
          <IconSend size={22} />
        </Group>
        <IconBookmark size={22} />
      </Group>
      <div className={classes.body}>
        <PreviewText
          text={postedText(props.copy, props.hashtags)}
          truncateAt={CAPTION_FOLD}
          linksLive={false}
          lead={<strong>{handle} </strong>}
        />
        {props.firstComment.trim() && (
          <>
            <Text size="xs" c="dimmed" mt={6}>
              {t('postEditor.preview.viewComments')}
            </Text>
            <PreviewText text={props.firstComment} lead={<strong>{handle} </strong>} />
          </>
        )}
        <Text size="xs" c="dimmed" mt={6} tt="uppercase">
          {props.when}
        </Text>
      </div>
    </div>
  );
}
