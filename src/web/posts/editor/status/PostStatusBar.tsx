import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconConfetti,
  IconSend,
  IconWorldUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostFull } from '../../../../shared/api/index.ts';
import { canMovePost, type PostStatus } from '../../../../shared/posts/statuses.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { notifySuccess } from '../../../lib/errors.ts';
import { formatMoment, statusColor } from '../labels.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { SendDialog } from './SendDialog.tsx';
import { TakeBackDialog } from './TakeBackDialog.tsx';
import { type AgencyMove, usePostMove } from './usePostMove.ts';

interface Props {
  data: PostFull;
  /** Saves what the writer has typed in the fields before the post moves on. */
  beforeMove: () => Promise<void>;
  /** Problems the network would have with the post now (shown before sending anyway). */
  problems: string[];
  /** The post differs from the version the client approved. */
  editedAfterApproval: boolean;
}

type Dialog = 'send' | 'takeBack' | 'publish' | null;

/** Where the post is on its way to the feed, the round it is in, and the next step. */
export function PostStatusBar({ data, beforeMove, problems, editedAfterApproval }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { post, permissions, client } = data;
  const { move, pending, pendingTo } = usePostMove(post.id, beforeMove);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [sendTo, setSendTo] = useState<'internal_review' | 'client_review'>('client_review');
  const options = { internalReview: client.internalReview === true };
  const may = (to: PostStatus) => canMovePost(post.status, to, 'agency', options);

  const run = async (next: AgencyMove, done: string) => {
    const moved = await move(next);
    if (moved) {
      setDialog(null);
      notifySuccess(done);
    }
    return moved;
  };

  /** Sending asks first only when the network would refuse or spoil something. */
  const send = (to: 'internal_review' | 'client_review') => {
    if (problems.length) {
      setSendTo(to);
      setDialog('send');
      return;
    }
    void run(
      { to },
      t(to === 'client_review' ? 'postEditor.status.sentToClient' : 'postEditor.status.sentToTeam'),
    );
  };

  const sendButton = (to: 'internal_review' | 'client_review', label: string) => (
    <Button
      key={to}
      leftSection={<IconSend size={16} aria-hidden />}
      loading={pending && pendingTo === to}
      disabled={pending}
      onClick={() => send(to)}
    >
      {label}
    </Button>
  );

  const actions = [];
  if (permissions.send) {
    if (post.status !== 'approved') {
      // Internal review is the client's setting: without it a draft goes straight to the client.
      if (client.internalReview && may('internal_review'))
        actions.push(sendButton('internal_review', t('postEditor.status.toInternal')));
      if (may('client_review')) actions.push(sendButton('client_review', t('postEditor.status.toClient')));
    }
    if (may('draft')) {
      actions.push(
        <Button
          key="draft"
          variant="default"
          leftSection={<IconArrowBackUp size={16} aria-hidden />}
          disabled={pending}
          onClick={() => setDialog('takeBack')}
        >
          {post.status === 'client_review'
            ? t('postEditor.status.takeBack')
            : t('postEditor.status.backToDraft')}
        </Button>,
      );
    }
  }
  if (permissions.publish && may('published')) {
    actions.push(
      <Button
        key="published"
        color="green"
        leftSection={<IconWorldUpload size={16} aria-hidden />}
        disabled={pending}
        onClick={() => setDialog('publish')}
      >
        {t('postEditor.status.markPublished')}
      </Button>,
    );
  }

  const approvedLine =
    post.approvedAt &&
    t('postEditor.status.approvedBy', {
      name: post.approvedByName ?? t('postEditor.status.someone'),
      when: formatMoment(post.approvedAt, language, client.timezone),
    });

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t('postEditor.status.label')}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs" wrap="wrap" style={{ flex: '1 1 14rem', minWidth: 0 }}>
            <Badge size="lg" color={statusColor[post.status]} variant="filled" tt="none">
              {t(`postEditor.statuses.${post.status}`)}
            </Badge>
            <Badge size="lg" variant="light" color="gray" tt="none">
              {t('postEditor.status.round', { round: post.round })}
            </Badge>
            {post.revision > 0 && (
              <Text size="sm" c="dimmed">
                {t('postEditor.status.versionsSent', { count: post.revision })}
              </Text>
            )}
          </Group>
          {actions.length > 0 && (
            <Group gap="xs" wrap="wrap">
              {actions}
            </Group>
          )}
        </Group>
        <StatusNote data={data} approvedLine={approvedLine || null} />
        {editedAfterApproval && post.status === 'approved' && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} p="xs">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm" style={{ flex: '1 1 14rem' }}>
                {t('postEditor.status.editedAfterApproval')}
              </Text>
              {permissions.send &&
                may('client_review') &&
                sendButton('client_review', t('postEditor.status.sendAgain'))}
            </Group>
          </Alert>
        )}
      </Stack>
      <SendDialog
        opened={dialog === 'send'}
        onClose={() => setDialog(null)}
        problems={problems}
        to={sendTo}
        pending={pending}
        onConfirm={() =>
          void run(
            { to: sendTo },
            t(sendTo === 'client_review' ? 'postEditor.status.sentToClient' : 'postEditor.status.sentToTeam'),
          )
        }
      />
      <TakeBackDialog
        opened={dialog === 'takeBack'}
        onClose={() => setDialog(null)}
        fromClient={post.status === 'client_review'}
        pending={pending}
        onConfirm={(note) => void run({ to: 'draft', note }, t('postEditor.status.takenBack'))}
      />
      <PublishDialog
        opened={dialog === 'publish'}
        onClose={() => setDialog(null)}
        pending={pending}
        onConfirm={(publishedUrl) => run({ to: 'published', publishedUrl }, t('postEditor.status.published'))}
      />
    </Paper>
  );
}

/** One line on what the status means now: who has the post, the celebration, the published link. */
function StatusNote({ data, approvedLine }: { data: PostFull; approvedLine: string | null }) {
  const { t } = useTranslation();
  const { post } = data;
  if (post.approvedRound === 1 && (post.status === 'approved' || post.status === 'published')) {
    return (
      <Alert color="teal" variant="light" icon={<IconConfetti size={18} aria-hidden />} p="xs">
        <Text size="sm" fw={600}>
          {t('postEditor.status.firstRound')}
        </Text>
        {approvedLine && <Text size="xs">{approvedLine}</Text>}
        {post.publishedUrl && <PublishedLink url={post.publishedUrl} />}
      </Alert>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {post.approvedRound && (post.status === 'approved' || post.status === 'published')
          ? t('postEditor.status.approvedInRound', { round: post.approvedRound })
          : t(`postEditor.status.means.${post.status}`)}
      </Text>
      {approvedLine && (
        <Text size="xs" c="dimmed">
          {approvedLine}
        </Text>
      )}
      {post.publishedUrl && <PublishedLink url={post.publishedUrl} />}
    </Stack>
  );
}

function PublishedLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {t('postEditor.status.publishedAt')}{' '}
      <Anchor href={url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
        {url}
      </Anchor>
    </Text>
  );
}
