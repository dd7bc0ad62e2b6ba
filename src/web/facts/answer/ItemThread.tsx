import { Badge, Box, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconMessageCircle, IconMessageQuestion, IconSend } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactMessage } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { notifyError } from '../../lib/errors.ts';
import { linkify } from '../../lib/linkify.tsx';
import { usePostFactMessage } from '../answerMutations.ts';
import { formatWhen } from './clientTime.ts';
import classes from './factAnswer.module.css';
import { ATTENTION_COLOR } from './tones.ts';

/** The messages of an item: the agency's follow-up questions stand out. */
export function ThreadMessages({ messages, timeZone }: { messages: FactMessage[]; timeZone: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (messages.length === 0) return null;
  return (
    <Stack gap={6} component="ol" className={classes.plainList} aria-label={t('facts.thread.title')}>
      {messages.map((m) => (
        <Box
          component="li"
          key={m.id}
          className={classes.message}
          data-side={m.side}
          data-follow-up={m.followUp || undefined}
        >
          <Group gap={6} wrap="wrap" mb={2}>
            {m.followUp && (
              <Badge
                size="sm"
                color={ATTENTION_COLOR}
                variant="filled"
                tt="none"
                leftSection={<IconMessageQuestion size={12} aria-hidden />}
              >
                {t('facts.thread.followUp')}
              </Badge>
            )}
            <Text size="xs" fw={600}>
              {m.author?.name ?? t(`facts.thread.${m.side}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`facts.thread.${m.side}`)} · {formatWhen(m.createdAt, language, timeZone)}
            </Text>
          </Group>
          <Text size="sm" className="pre-wrap">
            {linkify(m.body)}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}

/** "Reply" opens a box under the item; what is sent goes into the item's thread. */
export function ReplyBox({
  requestId,
  itemId,
  hasMessages,
}: {
  requestId: string;
  itemId: string;
  hasMessages: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const post = usePostFactMessage(requestId);
  // Sent or cancelled, the box closes: the keyboard goes back to the button that opened it.
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <Group>
        <Button
          ref={opener}
          variant="subtle"
          size="sm"
          leftSection={<IconMessageCircle size={16} aria-hidden />}
          onClick={() => setOpen(true)}
          px={6}
        >
          {hasMessages ? t('facts.thread.reply') : t('facts.thread.write')}
        </Button>
      </Group>
    );
  }
  const send = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return;
    post.mutate(
      { itemId, body: text },
      {
        onSuccess: () => {
          setBody('');
          setOpen(false);
        },
        onError: (error) => notifyError(error, t),
      },
    );
  };
  return (
    <form onSubmit={send} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('facts.thread.replyLabel')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={4000}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) send(event);
            if (event.key === 'Escape' && !body) setOpen(false);
          }}
          data-autofocus
          autoFocus
        />
        <Group gap="xs" justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          {/* Secondary: the card's main action is sending the answer itself. */}
          <Button
            type="submit"
            variant="light"
            leftSection={<IconSend size={16} aria-hidden />}
            loading={post.isPending}
            disabled={!body.trim()}
          >
            {t('facts.thread.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
