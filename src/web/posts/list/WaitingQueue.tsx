import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostSummary, UnwrittenSlot } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ApprovalDueBadge } from '../ApprovalDueBadge.tsx';
import { type ApproveResult, ApproveResults } from './ApproveResults.tsx';
import { BulkApproveBar, SelectAll } from './BulkApproveBar.tsx';
import { ChannelCell } from './ChannelCell.tsx';
import { PostLink } from './PostLink.tsx';
import { StatusBadge } from './postStatus.tsx';
import classes from './posts.module.css';
import { publishLabel } from './postTime.ts';
import { CommentsCell } from './RoundCell.tsx';
import { SelectPost } from './SelectPost.tsx';
import { TopiclessNote } from './TopiclessNote.tsx';
import { WriteButton } from './WriteButton.tsx';

interface Props {
  posts: PostSummary[];
  unwritten: UnwrittenSlot[];
  timeZone: string;
  isAgency: boolean;
  /** A client approver: may approve several posts at once. */
  approver: boolean;
}

/**
 * What waits for the person looking: for the client, posts sent for review; for the agency,
 * posts the client sent back, posts in internal review, and slots with a topic and no post.
 */
export function WaitingQueue({ posts, unwritten, timeZone, isAgency, approver }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<ApproveResult[] | null>(null);

  const waiting = isAgency
    ? posts.filter((p) => p.status === 'changes_requested' || p.status === 'internal_review')
    : posts.filter((p) => p.status === 'client_review');
  // Selected posts that left review meanwhile (someone else approved them) drop out.
  const selectable = approver ? waiting : [];
  const chosen = selectable.filter((p) => selected.has(p.id));
  // A slot still without a topic waits for the plan, not for a writer: counted apart.
  const toWrite = isAgency ? unwritten.filter((s) => s.topicId) : [];
  const topicless = isAgency ? unwritten.length - toWrite.length : 0;
  const total = waiting.length + toWrite.length;

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Stack gap="sm" component="section" aria-labelledby="waiting-heading">
      <Group gap="sm" align="center">
        <Title order={2} size="h3" id="waiting-heading">
          {t('postReview.queue.title')}
        </Title>
        {total > 0 && (
          <Badge color="blue" variant="filled" circle={total < 10} aria-hidden>
            {total}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {isAgency
          ? t('postReview.queue.hintAgency')
          : approver
            ? t('postReview.queue.hintApprover')
            : t('postReview.queue.hintContributor')}
      </Text>
      {results && <ApproveResults results={results} onClose={() => setResults(null)} />}
      {total === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text size="sm">
            {isAgency ? t('postReview.queue.emptyAgency') : t('postReview.queue.emptyClient')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          {selectable.length > 1 && (
            <SelectAll
              posts={selectable}
              selected={chosen.length}
              onChange={(on) => setSelected(on ? new Set(selectable.map((p) => p.id)) : new Set())}
            />
          )}
          <ul className={classes.queue} aria-labelledby="waiting-heading">
            {waiting.map((post) => (
              <li key={post.id}>
                <QueueRow post={post} timeZone={timeZone} showStatus={isAgency}>
                  {approver && (
                    <SelectPost
                      post={post}
                      checked={selected.has(post.id)}
                      onChange={(on) => toggle(post.id, on)}
                    />
                  )}
                </QueueRow>
              </li>
            ))}
            {toWrite.map((slot) => (
              <li key={slot.slotId}>
                <UnwrittenRow slot={slot} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </Paper>
      )}
      {topicless > 0 && <TopiclessNote count={topicless} />}
      {approver && selectable.length > 0 && (
        <BulkApproveBar
          chosen={chosen}
          onDone={(outcomes) => {
            setResults(outcomes);
            setSelected(new Set());
          }}
        />
      )}
    </Stack>
  );
}

function QueueRow({
  post,
  timeZone,
  showStatus,
  children,
}: {
  post: PostSummary;
  timeZone: string;
  showStatus: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div className={classes.queueRow}>
      {children}
      <div className={classes.queueMain}>
        <PostLink postId={post.id} title={post.topicTitle} fw={600} />
        <Group gap={6} mt={2} wrap="wrap">
          <Text size="sm">{publishLabel(post.publishAt, timeZone, language)}</Text>
          <ChannelCell network={post.network} label={post.channelLabel} format={post.format} />
        </Group>
      </div>
      <Group gap="sm" wrap="wrap">
        {showStatus && <StatusBadge status={post.status} />}
        <ApprovalDueBadge approvalDue={post.approvalDue} atRisk={post.atRisk} />
        {post.round > 1 && (
          <Badge color="gray" variant="outline" tt="none">
            {t('postReview.list.roundN', { round: post.round })}
          </Badge>
        )}
        <CommentsCell count={post.openComments} />
      </Group>
    </div>
  );
}

function UnwrittenRow({ slot, timeZone }: { slot: UnwrittenSlot; timeZone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const title = slot.topicTitle ?? t('postReview.list.untitled');
  return (
    <div className={classes.queueRow}>
      <div className={classes.queueMain}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Text>
        <Group gap={6} mt={2} wrap="wrap">
          <Text size="sm">{publishLabel(slot.startsAt, timeZone, language)}</Text>
          <ChannelCell network={slot.network} label={slot.channelLabel} format={slot.format} />
        </Group>
      </div>
      <Group gap="sm" wrap="wrap">
        <Badge color="gray" variant="outline" tt="none">
          {t('postReview.queue.notWritten')}
        </Badge>
        <WriteButton slotId={slot.slotId} title={title} />
      </Group>
    </div>
  );
}
