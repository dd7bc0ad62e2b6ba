import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The topic as the link to its post; a post without a topic is still reachable. */
export function PostLink({
  postId,
  title,
  stretched = false,
  ...props
}: { postId: string; title: string | null; stretched?: boolean } & AnchorProps) {
  const { t } = useTranslation();
  return (
    <Anchor
      renderRoot={(rootProps) => <Link to="/posts/$postId" params={{ postId }} {...rootProps} />}
      className={stretched ? 'stretched-link' : undefined}
      style={{ overflowWrap: 'anywhere' }}
      {...props}
    >
      {title ?? t('postReview.list.untitled')}
    </Anchor>
  );
}
