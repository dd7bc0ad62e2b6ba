import { Avatar, Group, Text } from '@mantine/core';
import { IconMessageCircle, IconShare3, IconThumbUp, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PreviewMedia } from './PreviewMedia.tsx';
import { PreviewText } from './PreviewText.tsx';
import { firstImage, type PreviewProps, postedText } from './previewProps.ts';
import classes from './previews.module.css';

/** Facebook folds a long post after a few lines behind "See more". */
const FOLD = 480;

export function FacebookPreview(props: PreviewProps) {
  const { t } = useTranslation();
  return (
    <div className={classes.card}>
      <Group gap="xs" p="sm" wrap="nowrap">
        <Avatar size={40} radius="xl" color="blue">
          {props.accountName.slice(0, 1)}
        </Avatar>
        <div className={classes.grow}>
          <Text size="sm" fw={600} truncate>
            {props.accountName}
          </Text>
          <Group gap={4} c="dimmed">
            <Text size="xs">{props.when}</Text>
            <IconWorld size={12} aria-hidden />
          </Group>
        </div>
      </Group>
      <div className={classes.bodyTop}>
        <PreviewText
          text={postedText(props.copy, props.hashtags)}
          truncateAt={FOLD}
          moreLabel={t('postEditor.preview.seeMore')}
        />
      </div>
      {firstImage(props.assets) && <PreviewMedia assets={props.assets} ratio={1} />}
      <Group grow gap={0} className={classes.actionBar} c="dimmed" aria-hidden>
        <Group gap={4} justify="center">
          <IconThumbUp size={18} />
        </Group>
        <Group gap={4} justify="center">
          <IconMessageCircle size={18} />
        </Group>
        <Group gap={4} justify="center">
          <IconShare3 size={18} />
        </Group>
      </Group>
      {props.firstComment.trim() && (
        <div className={classes.reply}>
          <Text size="xs" fw={600}>
            {props.accountName}
          </Text>
          <PreviewText text={props.firstComment} />
        </div>
      )}
    </div>
  );
}
