import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconConfetti,
  IconExternalLink,
  IconHourglassHigh,
  IconPencil,
  IconWorldUpload,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PostFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';

/** "Approved in round 1: no revisions!" The moment co-creation pays off, said out loud. */
export function FirstRoundCelebration({
  by,
  at,
  timeZone,
}: {
  by: string | null;
  at: string | null;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Paper
      radius="md"
      p="md"
      style={{
        background: 'linear-gradient(120deg, var(--mantine-color-teal-1), var(--mantine-color-yellow-1))',
        border: '1px solid var(--mantine-color-teal-3)',
      }}
    >
      <Stack gap={4} align="flex-start">
        <Title order={2} size="h3" c="teal.9" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <IconConfetti size={26} aria-hidden />
          {t('postReview.review.firstRound')}
        </Title>
        {by && at && (
          <Text size="sm">
            {t('postReview.review.approvedBy', { name: by, when: formatDateTime(at, language, timeZone) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Where the post is, in the client's words: waiting for them, being revised after their
 * request (and what they asked), approved (celebrated in round 1), or published with its link.
 */
export function ReviewStatus({ data }: { data: PostFull }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { post, client } = data;
  const when = (iso: string) => formatDateTime(iso, language, client.timezone);

  if (data.versions.length === 0) {
    return (
      <Alert color="gray" icon={<IconPencil />} title={t('postReview.review.writingTitle')} role="status">
        {t('postReview.review.writing')}
      </Alert>
    );
  }
  switch (post.status) {
    case 'client_review':
      return (
        <Alert
          color="blue"
          icon={<IconHourglassHigh />}
          title={t('postReview.review.waitingTitle')}
          role="status"
        >
          {post.round > 1 && <>{t('postReview.review.waitingRevised', { round: post.round })} </>}
          {data.permissions.approve
            ? t('postReview.review.waiting')
            : t('postReview.review.waitingContributor')}
        </Alert>
      );
    case 'changes_requested':
    case 'internal_review':
    case 'draft': {
      const asked = data.history.findLast((h) => h.to === 'changes_requested');
      return (
        <Alert
          color="orange"
          icon={<IconPencil />}
          title={t('postReview.review.revisingTitle')}
          role="status"
        >
          <Stack gap={6}>
            {post.status === 'changes_requested' && asked ? (
              <>
                <Text size="sm">
                  {t('postReview.review.askedBy', { name: asked.actorName ?? '—', when: when(asked.at) })}
                </Text>
                {asked.note && (
                  <Text size="sm" fs="italic" className="pre-wrap">
                    {t('postReview.quoted', { text: asked.note })}
                  </Text>
                )}
              </>
            ) : null}
            <Text size="sm">{t('postReview.review.revising')}</Text>
          </Stack>
        </Alert>
      );
    }
    case 'approved':
      return post.approvedRound === 1 ? (
        <div role="status">
          <FirstRoundCelebration by={post.approvedByName} at={post.approvedAt} timeZone={client.timezone} />
        </div>
      ) : (
        <Alert color="teal" title={t('postReview.review.approvedTitle')} role="status">
          {t('postReview.review.approvedInRound', {
            round: post.approvedRound ?? post.round,
            name: post.approvedByName ?? '—',
            when: post.approvedAt ? when(post.approvedAt) : '',
          })}
        </Alert>
      );
    case 'published':
      return (
        <Alert
          color="green"
          icon={<IconWorldUpload />}
          title={t('postReview.review.publishedTitle')}
          role="status"
        >
          <Stack gap={4}>
            {post.publishedAt && (
              <Text size="sm">{t('postReview.review.publishedOn', { when: when(post.publishedAt) })}</Text>
            )}
            {post.approvedRound === 1 && <Text size="sm">{t('postReview.review.publishedFirstRound')}</Text>}
            {post.publishedUrl && (
              <Anchor href={post.publishedUrl} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
                {t('postReview.review.openPublished')}{' '}
                <IconExternalLink size={14} aria-hidden style={{ verticalAlign: -2 }} />
              </Anchor>
            )}
          </Stack>
        </Alert>
      );
  }
}
