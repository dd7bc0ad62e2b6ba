import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconGitMerge, IconMessageCircle, IconMessageQuestion } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactItemFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { fieldErrors, isStaleVersion, notifyError, notifySuccess } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { useAcceptFactItem, useFactMessage, useFollowUpFactItem } from '../reviewMutations.ts';
import { ClientAnswerView } from './ClientAnswerView.tsx';
import { DueDateInput } from './DueDateInput.tsx';
import { EditControls } from './EditControls.tsx';
import { useFactContext } from './FactContext.tsx';
import classes from './factReview.module.css';
import { ItemForm } from './ItemForm.tsx';
import { ItemMeta } from './ItemMeta.tsx';
import { statusColor, statusLabel } from './labels.tsx';
import { Thread } from './Thread.tsx';
import { useReturnFocus } from './useReturnFocus.ts';

type Composer = 'followUp' | 'message' | null;

/**
 * One item of a sent request: the question, the client's answer and files, the thread, and
 * for the agency's managers "Accept" and "Ask a follow-up".
 */
export function ReviewItem({ item, groupName }: { item: FactItemFull; groupName: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycle, client } = usePlanData();
  const { request, canTalk } = useFactContext();
  const accept = useAcceptFactItem(cycle.id);
  const [composer, setComposer] = useState<Composer>(null);
  const [editing, setEditing] = useState(false);
  /** The answer changed under the reviewer (409): the newer one is shown, with a word why. */
  const [stale, setStale] = useState(false);
  const box = useReturnFocus<HTMLLIElement>(editing);
  const review = request.abilities.review;
  const hasAnswer = item.answer !== null && item.status !== 'open';
  // A follow-up the client settled in the thread (or that turned out unneeded) can be accepted
  // as it stands, without waiting for a changed answer.
  const acceptable = hasAnswer && (item.status === 'answered' || item.status === 'follow_up');
  // A closed follow-up or message form leaves the keyboard on this item, not on the page.
  const hadComposer = useRef(false);
  useEffect(() => {
    if (hadComposer.current && composer === null) box.current?.focus();
    hadComposer.current = composer !== null;
  }, [composer, box]);
  const when = (iso: string) => formatDateTime(iso, language, client.timezone);

  const onStale = (error: unknown) => {
    if (isStaleVersion(error)) {
      setStale(true);
      box.current?.focus();
    } else notifyError(error, t);
  };

  const acceptIt = () => {
    setStale(false);
    accept.mutate(
      { id: item.id, reviewVersion: item.reviewVersion },
      {
        onSuccess: () => {
          notifySuccess(t('factReview.review.acceptedNotice'));
          // The button is gone now: keep the keyboard on this item.
          box.current?.focus();
        },
        onError: onStale,
      },
    );
  };

  if (editing) {
    return (
      <li>
        <ItemForm item={item} topicId={item.topicId} groupName={groupName} onDone={() => setEditing(false)} />
      </li>
    );
  }

  return (
    <Paper component="li" ref={box} tabIndex={-1} withBorder radius="md" p="sm" className={classes.item}>
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Stack gap={6} miw={0} style={{ flex: 1 }}>
            <Group gap={8} wrap="wrap" align="flex-start">
              <Text
                size="sm"
                fw={600}
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', flex: '1 1 16rem' }}
              >
                {item.question}
              </Text>
              <Badge color={statusColor[item.status]} variant="light" tt="none" style={{ flexShrink: 0 }}>
                {statusLabel(item.status, t)}
              </Badge>
            </Group>
            {item.kind === 'choice' && item.choices.length > 0 && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('factReview.item.choices', { list: item.choices.join(' · ') })}
              </Text>
            )}
            <ItemMeta item={item} withSource={false} />
          </Stack>
          {request.abilities.edit && <EditControls item={item} onEdit={() => setEditing(true)} />}
        </Group>

        {stale && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconGitMerge />}
            title={t('factReview.review.staleTitle')}
            role="alert"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setStale(false)}
          >
            {t('factReview.review.stale')}
          </Alert>
        )}

        <ClientAnswerView item={item} />
        {(item.answeredBy || item.acceptedBy) && (
          <Stack gap={0}>
            {item.answeredBy && item.answeredAt && (
              <Text size="xs" c="dimmed">
                {t('factReview.answer.by', { name: item.answeredBy.name, date: when(item.answeredAt) })}
              </Text>
            )}
            {item.status === 'accepted' && item.acceptedBy && item.acceptedAt && (
              <Text size="xs" c="teal.9">
                {t('factReview.answer.acceptedBy', {
                  name: item.acceptedBy.name,
                  date: when(item.acceptedAt),
                })}
              </Text>
            )}
          </Stack>
        )}

        <Thread messages={item.messages} label={t('factReview.thread.label', { question: item.question })} />

        {composer === 'followUp' && (
          <FollowUpForm
            item={item}
            onDone={() => setComposer(null)}
            onStale={() => setStale(true)}
            clearStale={() => setStale(false)}
          />
        )}
        {composer === 'message' && <MessageForm item={item} onDone={() => setComposer(null)} />}

        {composer === null && (review || canTalk) && (
          <Group gap="xs" wrap="wrap">
            {review && acceptable && (
              <Button
                size="xs"
                color="approve"
                variant={item.status === 'follow_up' ? 'outline' : 'filled'}
                leftSection={<IconCheck size={16} aria-hidden />}
                onClick={acceptIt}
                loading={accept.isPending}
                aria-label={t('factReview.review.acceptNamed', { question: item.question })}
              >
                {t('factReview.review.accept')}
              </Button>
            )}
            {review && hasAnswer && item.status !== 'follow_up' && (
              <Button
                size="xs"
                variant={item.status === 'accepted' ? 'subtle' : 'light'}
                color="orange"
                leftSection={<IconMessageQuestion size={16} aria-hidden />}
                onClick={() => setComposer('followUp')}
                aria-label={t('factReview.review.followUpNamed', { question: item.question })}
              >
                {t('factReview.review.followUp')}
              </Button>
            )}
            {canTalk && (
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                leftSection={<IconMessageCircle size={16} aria-hidden />}
                onClick={() => setComposer('message')}
                aria-label={t('factReview.thread.writeNamed', { question: item.question })}
              >
                {t('factReview.thread.write')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function FollowUpForm({
  item,
  onDone,
  onStale,
  clearStale,
}: {
  item: FactItemFull;
  onDone: () => void;
  onStale: () => void;
  clearStale: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycle } = usePlanData();
  const { today } = useFactContext();
  const followUp = useFollowUpFactItem(cycle.id);
  // An item whose due date has passed starts empty: asked again, it needs a day still ahead.
  const passed = item.dueOn !== null && item.dueOn < today;
  const [dueOn, setDueOn] = useState(passed ? '' : (item.dueOn ?? ''));
  const [dueError, setDueError] = useState<string | undefined>();
  const dueHint = passed
    ? t('factReview.review.followUpDuePassed', { date: formatLocalDate(item.dueOn!, language) })
    : t('factReview.review.followUpDueHint');
  return (
    <TextForm
      name={t('factReview.review.followUpNamed', { question: item.question })}
      label={t('factReview.review.followUpLabel')}
      description={t('factReview.review.followUpHint')}
      placeholder={t('factReview.review.followUpPlaceholder')}
      submitLabel={t('factReview.review.followUpSend')}
      pending={followUp.isPending}
      onCancel={onDone}
      extra={
        <DueDateInput
          label={t('factReview.review.followUpDue')}
          description={dueHint}
          value={dueOn}
          today={today}
          error={dueError}
          onChange={(value) => {
            setDueOn(value);
            setDueError(undefined);
          }}
        />
      }
      onSubmit={(body) => {
        if (dueOn && dueOn < today) {
          setDueError(t('factReview.fields.duePast'));
          return;
        }
        clearStale();
        followUp.mutate(
          {
            id: item.id,
            body,
            reviewVersion: item.reviewVersion,
            // Sent only when changed: without it the server keeps the date, or gives a passed one
            // a few working days.
            ...(dueOn && dueOn !== item.dueOn ? { dueOn } : {}),
          },
          {
            onSuccess: (result) => {
              const due = result.request.items.find((i) => i.id === item.id)?.dueOn;
              notifySuccess(
                due
                  ? t('factReview.review.followUpSentDue', { date: formatLocalDate(due, language) })
                  : t('factReview.review.followUpSent'),
              );
              onDone();
            },
            // The typed question stays: after reading the newer answer, send it again or cancel.
            onError: (e) => {
              if (isStaleVersion(e)) onStale();
              else if (fieldErrors(e).dueOn) setDueError(t('factReview.fields.duePast'));
              else notifyError(e, t);
            },
          },
        );
      }}
    />
  );
}

function MessageForm({ item, onDone }: { item: FactItemFull; onDone: () => void }) {
  const { t } = useTranslation();
  const { cycle } = usePlanData();
  const message = useFactMessage(cycle.id);
  return (
    <TextForm
      name={t('factReview.thread.writeNamed', { question: item.question })}
      label={t('factReview.thread.messageLabel')}
      submitLabel={t('factReview.thread.send')}
      pending={message.isPending}
      onCancel={onDone}
      onSubmit={(body) =>
        message.mutate({ id: item.id, body }, { onSuccess: onDone, onError: (e) => notifyError(e, t) })
      }
    />
  );
}

/** A few lines to send about an item: a follow-up question or a message in its thread. */
function TextForm(props: {
  name: string;
  label: string;
  description?: string;
  placeholder?: string;
  submitLabel: string;
  pending: boolean;
  /** More fields under the text (the follow-up's due date). */
  extra?: ReactNode;
  onCancel: () => void;
  onSubmit: (body: string) => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(undefined);
    props.onSubmit(body.trim());
  };
  return (
    <form onSubmit={send} noValidate aria-label={props.name}>
      <Stack gap="xs">
        <Textarea
          label={props.label}
          description={props.description}
          placeholder={props.placeholder}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={error}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={4000}
          required
          autoFocus
        />
        {props.extra}
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" type="submit" loading={props.pending}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
