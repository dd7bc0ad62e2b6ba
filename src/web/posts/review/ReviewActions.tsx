import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconPencil } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostFull } from '../../../shared/api/index.ts';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useMovePost } from '../mutations.ts';

/** A refused decision in words: a newer version arrived, or someone approved it first. */
function decisionError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code === 'post_outdated') return t('postReview.actions.outdated');
  if (error instanceof ApiError && error.code === 'post_already_approved') {
    return t('postReview.actions.alreadyApproved');
  }
  return errorMessage(error, t);
}

/**
 * The client's decision on the version they see: approve it, or ask for changes with a note.
 * Both name that version (its revision), so a decision on an outdated one is refused.
 */
export function ReviewActions({ data }: { data: PostFull }) {
  const { t } = useTranslation();
  const move = useMovePost(data.post.id);
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const { approve, requestChanges } = data.permissions;
  const revision = data.post.revision;
  // The client's own open remarks on this version travel with the request.
  const openComments = data.comments.filter(
    (c) => !c.resolvedAt && c.side === 'client' && c.revision === revision,
  ).length;

  if (data.post.status !== 'client_review' || data.versions.length === 0) {
    return refused ? <Refused message={refused} /> : null;
  }

  const decide = async (body: Parameters<typeof move.mutateAsync>[0]) => {
    setRefused(null);
    try {
      await move.mutateAsync(body);
      setAsking(false);
      setNote('');
    } catch (error) {
      setRefused(decisionError(error, t));
    }
  };

  const sendChanges = () => {
    if (!note.trim()) {
      setNoteError(t('postReview.actions.noteRequired'));
      return;
    }
    setNoteError(null);
    void decide({ to: 'changes_requested', revision, note: note.trim() });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="decision-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="decision-heading">
          {t('postReview.actions.title')}
        </Title>
        {refused && <Refused message={refused} />}
        {!approve && !requestChanges ? (
          <Text size="sm" c="dimmed">
            {t('postReview.actions.contributor')}
          </Text>
        ) : (
          <>
            {!asking && (
              <Group gap="sm" wrap="wrap">
                {approve && (
                  <Button
                    // Dark enough for white text (WCAG AA); teal.6 is not.
                    color="approve"
                    style={{ flex: '1 1 9rem' }}
                    leftSection={<IconCheck size={18} aria-hidden />}
                    loading={move.isPending && move.variables?.to === 'approved'}
                    onClick={() => void decide({ to: 'approved', revision })}
                  >
                    {t('postReview.actions.approve')}
                  </Button>
                )}
                {requestChanges && (
                  <Button
                    variant="light"
                    color="orange"
                    style={{ flex: '1 1 12rem' }}
                    leftSection={<IconPencil size={18} aria-hidden />}
                    onClick={() => setAsking(true)}
                  >
                    {t('postReview.actions.requestChanges')}
                  </Button>
                )}
              </Group>
            )}
            {asking && (
              <form
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  sendChanges();
                }}
              >
                <Stack gap="xs">
                  <Textarea
                    label={t('postReview.actions.noteLabel')}
                    description={
                      openComments > 0
                        ? t('postReview.actions.noteWithComments', { count: openComments })
                        : t('postReview.actions.noteHint')
                    }
                    autosize
                    minRows={3}
                    maxRows={10}
                    maxLength={5000}
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    error={noteError}
                    withAsterisk
                    autoFocus
                  />
                  <Group justify="flex-end" gap="xs">
                    <Button variant="default" onClick={() => setAsking(false)}>
                      {t('common.cancel')}
                    </Button>
                    <Button type="submit" loading={move.isPending}>
                      {t('postReview.actions.sendChanges')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
            {approve && !asking && (
              <Text size="xs" c="dimmed">
                {t('postReview.actions.approveHint', { revision })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Refused({ message }: { message: string }) {
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} role="alert">
      {message}
    </Alert>
  );
}
