import { Avatar, Group, Text } from '@mantine/core';
import { PreviewMedia } from './PreviewMedia.tsx';
import { PreviewText } from './PreviewText.tsx';
import { firstImage, type PreviewProps, postedText } from './previewProps.ts';
import classes from './previews.module.css';

/** Networks without a look of their own here (YouTube, Threads, Pinterest…): a plain post. */
export function GenericPreview(props: PreviewProps & { networkName: string }) {
  return (
    <div className={classes.card}>
      <Group gap="xs" p="sm" wrap="nowrap">
        <Avatar size={36} radius="xl" color="gray">
          {props.accountName.slice(0, 1)}
        </Avatar>
        <div className={classes.grow}>
          <Text size="sm" fw={600} truncate>
            {props.accountName}
          </Text>
          <Text size="xs" c="dimmed">
            {props.networkName} · {props.when}
          </Text>
        </div>
      </Group>
      {firstImage(props.assets) && <PreviewMedia assets={props.assets} ratio={16 / 9} />}
      <div className={classes.body}>
        <PreviewText text={postedText(props.copy, props.hashtags)} />
        {props.link && (
          <Text size="xs" c="blue.7" mt={6} style={{ overflowWrap: 'anywhere' }}>
            {props.link}
          </Text>
        )}
      </div>
      {props.firstComment.trim() && (
        <div className={classes.reply}>
          <PreviewText text={props.firstComment} />
        </div>
      )}
    </div>
  );
}
