import { Avatar, Group, Text } from '@mantine/core';
import { PreviewMedia } from './PreviewMedia.tsx';
import { PreviewText } from './PreviewText.tsx';
import { firstImage, type PreviewProps, postedText } from './previewProps.ts';
import classes from './previews.module.css';

/** A channel post: a bubble on the chat background, the photo on top, views and time below. */
export function TelegramPreview(props: PreviewProps) {
  const time = props.when.split(', ').at(-1) ?? props.when;
  return (
    <div className={classes.telegram}>
      <Group gap="xs" p="xs" className={classes.telegramHeader} wrap="nowrap">
        <Avatar size={32} radius="xl" color="blue">
          {props.accountName.slice(0, 1)}
        </Avatar>
        <Text size="sm" fw={600} truncate>
          {props.accountName}
        </Text>
      </Group>
      <div className={classes.bubble}>
        {firstImage(props.assets) && <PreviewMedia assets={props.assets} ratio={4 / 3} />}
        <div className={classes.bubbleBody}>
          <PreviewText text={postedText(props.copy, props.hashtags)} />
          {props.link && (
            <div className={classes.linkCard}>
              <Text size="xs" fw={600} c="blue.7" truncate>
                {hostOf(props.link)}
              </Text>
            </div>
          )}
          <Text size="xs" c="dimmed" ta="right" mt={4}>
            {time}
          </Text>
        </div>
      </div>
    </div>
  );
}

function hostOf(link: string): string {
  try {
    return new URL(link).hostname;
  } catch {
    return link;
  }
}
