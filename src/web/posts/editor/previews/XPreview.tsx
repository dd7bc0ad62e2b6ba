import { Avatar, Group, Text } from '@mantine/core';
import { IconChartBar, IconHeart, IconMessageCircle, IconRepeat } from '@tabler/icons-react';
import { PreviewMedia } from './PreviewMedia.tsx';
import { PreviewText } from './PreviewText.tsx';
import { firstImage, handleOf, type PreviewProps, postedText } from './previewProps.ts';
import classes from './previews.module.css';

export function XPreview(props: PreviewProps) {
  const handle = handleOf(props.accountName);
  return (
    <div className={classes.card}>
      <Group gap="sm" p="sm" align="flex-start" wrap="nowrap">
        <Avatar size={40} radius="xl" color="dark">
          {props.accountName.slice(0, 1)}
        </Avatar>
        <div className={classes.grow}>
          <Text size="sm" truncate>
            <strong>{props.accountName}</strong>{' '}
            <Text span c="dimmed" size="sm">
              @{handle} · {props.when}
            </Text>
          </Text>
          <PreviewText text={postedText(props.copy, props.hashtags)} />
          {firstImage(props.assets) && (
            <div className={classes.rounded}>
              <PreviewMedia assets={props.assets} ratio={16 / 9} />
            </div>
          )}
          <Group justify="space-between" mt="xs" c="dimmed" aria-hidden>
            <IconMessageCircle size={18} />
            <IconRepeat size={18} />
            <IconHeart size={18} />
            <IconChartBar size={18} />
          </Group>
          {props.firstComment.trim() && (
            <div className={classes.reply}>
              <Text size="xs" c="dimmed">
                @{handle}
              </Text>
              <PreviewText text={props.firstComment} />
            </div>
          )}
        </div>
      </Group>
    </div>
  );
}
