import { Avatar, Group, Text } from '@mantine/core';
import { IconMessage, IconRepeat, IconSend, IconThumbUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PreviewMedia } from './PreviewMedia.tsx';
import { PreviewText } from './PreviewText.tsx';
import { firstImage, type PreviewProps, postedText } from './previewProps.ts';
import classes from './previews.module.css';

/** LinkedIn shows about three lines, then "…see more". */
const FOLD = 210;

export function LinkedInPreview(props: PreviewProps) {
  const { t } = useTranslation();
  return (
    <div className={classes.card}>
      <Group gap="xs" p="sm" wrap="nowrap" align="flex-start">
        <Avatar size={44} radius="sm" color="indigo">
          {props.accountName.slice(0, 1)}
        </Avatar>
        <div className={classes.grow}>
          <Text size="sm" fw={600} truncate>
            {props.accountName}
          </Text>
          <Text size="xs" c="dimmed">
            {props.when}
          </Text>
        </div>
      </Group>
      <div className={classes.bodyTop}>
        <PreviewText
          text={postedText(props.copy, props.hashtags)}
          truncateAt={FOLD}
          moreLabel={t('postEditor.preview.seeMoreLinkedIn')}
        />
      </div>
      {firstImage(props.assets) && <PreviewMedia assets={props.assets} ratio={1.91} />}
      <Group grow gap={0} className={classes.actionBar} c="dimmed" aria-hidden>
        <Group justify="center">
          <IconThumbUp size={18} />
        </Group>
        <Group justify="center">
          <IconMessage size={18} />
        </Group>
        <Group justify="center">
          <IconRepeat size={18} />
        </Group>
        <Group justify="center">
          <IconSend size={18} />
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
