import { Button, Group, Popover, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../shared/api/index.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import type { ReviewDecision } from './meetingReviewMutations.ts';

type Kind = ReviewDecision['kind'];
const kinds: Kind[] = ['accept', 'change', 'park', 'drop'];
const color: Record<Kind, string> = { accept: 'teal', change: 'yellow', park: 'gray', drop: 'red' };

interface Props {
  topic: Topic;
  decide: (input: ReviewDecision) => Promise<unknown>;
}

/** Accept at once; change, park and drop ask for a note first (change needs one). */
export function ReviewDecisionButtons({ topic, decide }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Kind | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<Kind | null>(null);

  const apply = async (kind: Kind) => {
    if (kind === 'change' && !note.trim()) return setError(t('review.changeNoteRequired'));
    setBusy(kind);
    try {
      await decide({ topicId: topic.id, kind, note: note.trim(), topicVersion: topic.version });
      notifySuccess(t('review.decisionSaved'));
      setOpen(null);
      setNote('');
    } catch (e) {
      notifyError(e, t);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Group gap={6} wrap="wrap" role="group" aria-label={t('review.decision')}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {t('review.decision')}
      </Text>
      {kinds.map((kind) =>
        kind === 'accept' ? (
          <Button
            key={kind}
            size="compact-xs"
            variant={topic.status === 'accepted' ? 'filled' : 'default'}
            color={color[kind]}
            loading={busy === kind}
            onClick={() => void apply(kind)}
          >
            {t(`review.decide.${kind}`)}
          </Button>
        ) : (
          <Popover
            key={kind}
            opened={open === kind}
            onChange={(o) => setOpen(o ? kind : null)}
            trapFocus
            withinPortal
            position="bottom"
            width={280}
          >
            <Popover.Target>
              <Button
                size="compact-xs"
                variant={
                  (kind === 'change' && topic.status === 'changed') ||
                  (kind === 'drop' && topic.status === 'dropped')
                    ? 'filled'
                    : 'default'
                }
                color={color[kind]}
                onClick={() => {
                  setError(undefined);
                  setOpen(open === kind ? null : kind);
                }}
              >
                {t(`review.decide.${kind}`)}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs">
                <Textarea
                  label={kind === 'change' ? t('review.changeNote') : t('review.noteOptional')}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  error={error}
                  autosize
                  minRows={2}
                  maxLength={5000}
                  data-autofocus
                />
                <Group justify="flex-end" gap="xs">
                  <Button size="xs" variant="default" onClick={() => setOpen(null)}>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    size="xs"
                    color={color[kind]}
                    loading={busy === kind}
                    onClick={() => void apply(kind)}
                  >
                    {t(`review.decide.${kind}`)}
                  </Button>
                </Group>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        ),
      )}
    </Group>
  );
}
