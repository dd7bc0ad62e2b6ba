import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarDue,
  IconCheck,
  IconCloudCheck,
  IconGitMerge,
  IconLoader2,
  IconMessageQuestion,
  IconSend,
  IconWifiOff,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type ReactNode, type Ref, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactAnswer, FactItemFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDayShort } from '../../lib/dates.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { useMe } from '../../lib/useMe.ts';
import { AnswerFields } from './AnswerFields.tsx';
import { workingAnswer } from './answerForm.ts';
import { formatWhen } from './clientTime.ts';
import classes from './factAnswer.module.css';
import { ReplyBox, ThreadMessages } from './ItemThread.tsx';
import { ReadOnlyAnswer } from './ReadOnlyAnswer.tsx';
import { ATTENTION_COLOR } from './tones.ts';
import { type SaveState, useItemAnswer } from './useItemAnswer.ts';

interface Props {
  requestId: string;
  item: FactItemFull;
  /** The client side answering (else: the agency, or a closed month, reading). */
  answering: boolean;
  timeZone: string;
  today: string;
}

type Tone = 'attention' | 'open' | 'sent' | 'done';

const toneOf = (item: FactItemFull): Tone =>
  item.status === 'follow_up'
    ? 'attention'
    : item.status === 'accepted'
      ? 'done'
      : item.status === 'answered'
        ? 'sent'
        : 'open';

/** One thing the agency asks for: the question, its state, the answer and its conversation. */
export function FactItemCard({ requestId, item, answering, timeZone, today }: Props) {
  const { t } = useTranslation();
  const questionId = useId();
  // The editor stays while someone is typing in it, even if the agency accepts meanwhile.
  const [typing, setTyping] = useState(false);
  const editable = answering && (item.status !== 'accepted' || typing);
  const overdue = Boolean(
    item.dueOn && item.dueOn < today && (item.status === 'open' || item.status === 'follow_up'),
  );
  const card = useRef<HTMLElement>(null);
  // Opened from a link to this item (the client's to-do): bring it into view once it is there.
  useEffect(() => {
    if (window.location.hash === `#item-${item.id}`) card.current?.scrollIntoView({ block: 'start' });
  }, [item.id]);
  const status = useRef<HTMLDivElement>(null);
  // After a send the button is gone: the keyboard lands on the item's new status ("Sent"),
  // unless the person has moved on elsewhere meanwhile.
  const onSent = useCallback(() => {
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body || card.current?.contains(active)) status.current?.focus();
    });
  }, []);

  return (
    <Paper
      component="article"
      ref={card}
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      className={classes.card}
      data-tone={toneOf(item)}
      aria-labelledby={questionId}
      // The to-do links to one item: /facts/<request>#item-<id>.
      id={`item-${item.id}`}
    >
      <Stack gap="sm">
        <Stack gap={6}>
          <Title order={3} fz="md" fw={600} lh={1.35} id={questionId} className={classes.question}>
            {item.question}
          </Title>
          <Group gap={6} wrap="wrap">
            <StatusBadge item={item} answering={answering} ref={status} />
            <Badge variant="outline" color="gray" tt="none" fw={500}>
              {item.required ? t('facts.required') : t('facts.optional')}
            </Badge>
            {item.dueOn && <DueBadge dueOn={item.dueOn} overdue={overdue} />}
          </Group>
          <ItemMeta item={item} timeZone={timeZone} />
        </Stack>
        <ThreadMessages messages={item.messages} timeZone={timeZone} />
        {editable ? (
          <ItemEditor
            requestId={requestId}
            item={item}
            timeZone={timeZone}
            questionId={questionId}
            onTyping={setTyping}
            onSent={onSent}
          />
        ) : (
          <>
            <ReadOnlyAnswer requestId={requestId} item={item} questionId={questionId} />
            {answering && item.status === 'accepted' && (
              <Text size="sm" c="dimmed">
                {t('facts.acceptedNote')}
              </Text>
            )}
          </>
        )}
        {answering && (
          <ReplyBox requestId={requestId} itemId={item.id} hasMessages={item.messages.length > 0} />
        )}
      </Stack>
    </Paper>
  );
}

function StatusBadge({
  item,
  answering,
  ref,
}: {
  item: FactItemFull;
  answering: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  // The agency reads the same states from its side: "follow-up asked", not "needs your attention".
  const label = (status: 'open' | 'answered' | 'accepted' | 'follow_up') =>
    answering ? t(`facts.status.${status}`) : t(`facts.statusAgency.${status}`);
  // Focusable from code only: where the keyboard lands after sending.
  const badge = {
    tt: 'none' as const,
    variant: 'light' as const,
    h: 'auto',
    py: 3,
    ref,
    tabIndex: -1,
    className: classes.focusTarget,
  };
  switch (item.status) {
    case 'accepted':
      return (
        <Badge {...badge} color="teal" leftSection={<IconCheck size={12} aria-hidden />}>
          {label('accepted')}
        </Badge>
      );
    case 'follow_up':
      return (
        <Badge
          {...badge}
          variant="filled"
          color={ATTENTION_COLOR}
          leftSection={<IconMessageQuestion size={12} aria-hidden />}
        >
          {label('follow_up')}
        </Badge>
      );
    case 'answered':
      return (
        <Badge {...badge} color="blue" leftSection={<IconSend size={12} aria-hidden />}>
          {label('answered')}
        </Badge>
      );
    default:
      return item.draft ? (
        <Badge {...badge} color="yellow">
          {t('facts.status.draft')}
        </Badge>
      ) : (
        <Badge {...badge} color="gray">
          {label('open')}
        </Badge>
      );
  }
}

function DueBadge({ dueOn, overdue }: { dueOn: string; overdue: boolean }) {
  const { t } = useTranslation();
  const date = formatDayShort(dueOn, currentLanguage());
  return (
    <Badge
      variant={overdue ? 'light' : 'outline'}
      color={overdue ? 'red' : 'gray'}
      tt="none"
      fw={500}
      h="auto"
      py={3}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
      leftSection={
        overdue ? <IconAlertTriangle size={12} aria-hidden /> : <IconCalendarDue size={12} aria-hidden />
      }
    >
      {overdue ? t('facts.overdueSince', { date }) : t('facts.due', { date })}
    </Badge>
  );
}

/** Who sent or accepted the answer, and when (in the client's time zone). */
function ItemMeta({ item, timeZone }: { item: FactItemFull; timeZone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const lines: string[] = [];
  if (item.status === 'accepted' && item.acceptedBy && item.acceptedAt) {
    lines.push(
      t('facts.acceptedBy', {
        name: item.acceptedBy.name,
        time: formatWhen(item.acceptedAt, language, timeZone),
      }),
    );
  }
  if (item.answer && item.answeredBy && item.answeredAt && item.status !== 'open') {
    lines.push(
      t('facts.sentBy', {
        name: item.answeredBy.name,
        time: formatWhen(item.answeredAt, language, timeZone),
      }),
    );
  }
  if (lines.length === 0) return null;
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text size="xs" c="dimmed" key={line}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}

function ItemEditor({
  requestId,
  item,
  timeZone,
  questionId,
  onTyping,
  onSent,
}: {
  requestId: string;
  item: FactItemFull;
  timeZone: string;
  questionId: string;
  onTyping: (typing: boolean) => void;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const accepted = item.status === 'accepted';
  const answer = useItemAnswer(requestId, item, !accepted);
  useEffect(() => onTyping(answer.dirty), [answer.dirty, onTyping]);
  // A sent answer with nothing changed since: nothing to send again (unless the agency asks).
  const upToDate = item.status === 'answered' && !item.draft && !answer.dirty;
  const resend = Boolean(item.answer);
  // After a follow-up the same answer again says nothing new: change it, or reply below.
  // (A files answer may have new files without a changed note, so it can always be sent.)
  const unchanged =
    item.status === 'follow_up' && resend && item.kind !== 'files' && !item.draft && !answer.dirty;
  const unchangedId = useId();

  const submit = () =>
    answer
      .submit()
      .then((sent) => {
        if (sent) {
          notifySuccess(t('facts.sentNotice'));
          onSent();
        }
      })
      .catch((error: unknown) => notifyError(error, t));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <AnswerFields
          requestId={requestId}
          item={item}
          form={answer.form}
          setForm={answer.setForm}
          onBlur={answer.flush}
          problem={answer.problem}
          questionId={questionId}
        />
        {answer.serverMessage && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {answer.serverMessage}
          </Text>
        )}
        {accepted ? (
          <Alert color="orange" variant="light" icon={<IconGitMerge />} role="alert">
            <Text size="sm">{t('facts.conflict.accepted')}</Text>
            <Button size="sm" variant="default" mt="sm" onClick={answer.takeTheirs}>
              {t('facts.conflict.showAccepted')}
            </Button>
          </Alert>
        ) : (
          answer.conflict && (
            <ConflictAlert
              item={item}
              timeZone={timeZone}
              onTheirs={answer.takeTheirs}
              onMine={answer.keepMine}
            />
          )
        )}
        <div className={classes.actions}>
          <SaveStatus
            state={answer.saveState}
            dirty={answer.dirty}
            item={item}
            timeZone={timeZone}
            onRetry={answer.retrySave}
          />
          {!upToDate && !accepted && (
            <Button
              type="submit"
              size="md"
              loading={answer.submitting}
              disabled={answer.conflict || unchanged}
              aria-describedby={unchanged ? unchangedId : undefined}
              leftSection={<IconSend size={18} aria-hidden />}
              className={classes.submit}
            >
              {resend ? t('facts.sendChanges') : t('facts.send')}
            </Button>
          )}
        </div>
        {unchanged && !accepted && (
          <Text size="sm" c="dimmed" id={unchangedId}>
            {t('facts.unchangedHint')}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** Autosave, said quietly: saving, saved at 10:42 by whom, or not saved (with a retry). */
function SaveStatus({
  state,
  dirty,
  item,
  timeZone,
  onRetry,
}: {
  state: SaveState;
  dirty: boolean;
  item: FactItemFull;
  timeZone: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const language = currentLanguage();
  let content: ReactNode = null;
  if (state === 'saving') {
    content = (
      <Group gap={4} wrap="nowrap">
        <IconLoader2 size={14} aria-hidden />
        <span>{t('facts.saving')}</span>
      </Group>
    );
  } else if (state === 'failed') {
    content = (
      <Group gap={6} wrap="wrap">
        <Group gap={4} wrap="nowrap" c="red.9">
          <IconWifiOff size={14} aria-hidden />
          <span>{t('facts.saveFailed')}</span>
        </Group>
        <Button variant="subtle" size="compact-sm" onClick={onRetry}>
          {t('facts.saveAgain')}
        </Button>
      </Group>
    );
  } else if (!dirty && item.draft && item.draftAt) {
    const time = formatWhen(item.draftAt, language, timeZone);
    const text =
      item.draftBy && item.draftBy.id !== me.user.id
        ? t('facts.draftBy', { time, name: item.draftBy.name })
        : t('facts.draftByYou', { time });
    content = (
      <Group gap={4} wrap="nowrap">
        <IconCloudCheck size={14} aria-hidden />
        <span>
          {text}
          {item.answer ? ` · ${t('facts.unsent')}` : ''}
        </span>
      </Group>
    );
  }
  return (
    <Text size="xs" c="dimmed" aria-live="polite" component="div" className={classes.status}>
      {content}
    </Text>
  );
}

function describeAnswer(answer: FactAnswer | null, t: TFunction): string {
  if (!answer) return t('facts.conflict.empty');
  switch (answer.kind) {
    case 'text':
      return answer.text || t('facts.conflict.empty');
    case 'link':
      return answer.url || t('facts.conflict.empty');
    case 'date':
      return answer.date || t('facts.conflict.empty');
    case 'choice':
      return answer.choice || t('facts.conflict.empty');
    case 'files':
      return answer.note || t('facts.conflict.empty');
    case 'not_available':
      return `${t('facts.answer.notAvailable')}: ${answer.reason}`;
  }
}

/** Another contact saved this answer while this person was typing: theirs, or mine? */
function ConflictAlert({
  item,
  timeZone,
  onTheirs,
  onMine,
}: {
  item: FactItemFull;
  timeZone: string;
  onTheirs: () => void;
  onMine: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const who = item.draft ? item.draftBy : item.answeredBy;
  const when = item.draft ? item.draftAt : item.answeredAt;
  const theirs = workingAnswer(item);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconGitMerge />}
      title={t('facts.conflict.title')}
      role="alert"
    >
      <Text size="sm">
        {who && when
          ? t('facts.conflict.body', { name: who.name, time: formatWhen(when, language, timeZone) })
          : t('facts.conflict.bodyNoName')}
      </Text>
      <Text size="sm" mt={4} fw={500} className="pre-wrap">
        {describeAnswer(theirs, t)}
      </Text>
      <Group gap="xs" mt="sm">
        <Button size="sm" variant="default" onClick={onTheirs}>
          {t('facts.conflict.takeTheirs')}
        </Button>
        <Button size="sm" variant="light" color="orange" onClick={onMine}>
          {t('facts.conflict.keepMine')}
        </Button>
      </Group>
    </Alert>
  );
}
