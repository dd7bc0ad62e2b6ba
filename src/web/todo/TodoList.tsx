import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconVideo } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TodoClient } from '../../shared/api/index.ts';
import { everyoneRoom } from '../../shared/live.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatDayMonth, formatMonth } from '../lib/dates.ts';
import { formatDateTime } from '../lib/format.ts';
import { useMe } from '../lib/useMe.ts';
import { useLiveRooms } from '../live/useLiveRooms.ts';
import { moveText } from '../planning/moveText.ts';
import { ApproveAllButton } from './ApproveAllButton.tsx';
import { todoKeys, todoQuery } from './queries.ts';

/**
 * The client contact's home: what waits for them, phone first, each item a link to the exact
 * thing (the post, the fact item, the review, the meeting). Built from `GET /api/todo`, which
 * shares its rule with "whose move", so the two never disagree. `clientId` narrows it to one
 * client (the client's own page).
 */
export function TodoList({ clientId }: { clientId?: string }) {
  const { t } = useTranslation();
  const todo = useQuery(todoQuery);
  useTodoKeptCurrent();
  if (todo.isPending) return <LoadingState rows={2} height={80} />;
  if (todo.isError) return <ErrorState error={todo.error} onRetry={() => void todo.refetch()} />;
  const shown = todo.data.filter((c) => !clientId || c.clientId === clientId);
  if (shown.length === 0) return null;
  return (
    <Stack gap="md" component="section" aria-labelledby="todo-title">
      <Title order={2} fz="h3" id="todo-title">
        {t('todo.title')}
      </Title>
      {shown.map((client) => (
        <ClientTodo key={client.clientId} client={client} named={!clientId && shown.length > 1} />
      ))}
    </Stack>
  );
}

const waits = (c: TodoClient) =>
  c.posts.length + c.factItems.length + (c.review ? 1 : 0) + (c.meeting?.live ? 1 : 0);

function ClientTodo({ client, named }: { client: TodoClient; named: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const canApprove = client.posts.some((p) => p.canApprove);
  const cycles = [...new Set(client.posts.map((p) => p.cycleId))];
  return (
    <Stack gap="sm">
      {named && (
        <Title order={3} fz="lg">
          {client.clientName}
        </Title>
      )}
      {client.months.map((m) => {
        const move = moveText(m, t, language);
        return move ? (
          <Text key={m.cycleId} size="sm" data-testid="todo-move">
            <Text span fw={600}>
              {formatMonth(m.month, language)}
            </Text>
            {' · '}
            {move}
          </Text>
        ) : null;
      })}

      {client.meeting?.live && <MeetingCard client={client} />}

      {client.review && (
        <Paper withBorder radius="md" p="md">
          <Stack gap={6}>
            <Title order={3} fz="md">
              {t('todo.review')}
            </Title>
            <Text size="sm">
              {t('todo.reviewDue', { date: formatDayMonth(client.review.due, language) })}
            </Text>
            <Button
              renderRoot={(props) => (
                <Link to="/meetings/$meetingId" params={{ meetingId: client.review!.meetingId }} {...props} />
              )}
            >
              {t('todo.openReview')}
            </Button>
          </Stack>
        </Paper>
      )}

      {client.posts.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={3} fz="md">
              {canApprove ? t('todo.posts') : t('todo.postsForApprover')}
            </Title>
            {!canApprove && (
              <Text size="sm" c="dimmed">
                {t('todo.postsForApproverHint')}
              </Text>
            )}
            <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {client.posts.map((post) => (
                <li key={post.postId}>
                  <Anchor
                    fw={600}
                    renderRoot={(props) => (
                      <Link to="/posts/$postId" params={{ postId: post.postId }} {...props} />
                    )}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {post.title || t('todo.untitled')}
                  </Anchor>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" c="dimmed">
                      {t('todo.due', { date: formatDayMonth(post.due, language) })}
                    </Text>
                    {post.openComments > 0 && (
                      <Badge color="orange" variant="light" tt="none">
                        {t('todo.openComments', { count: post.openComments })}
                      </Badge>
                    )}
                  </Group>
                </li>
              ))}
            </Stack>
            {canApprove &&
              cycles.map((cycleId) => (
                <ApproveAllButton
                  key={cycleId}
                  cycleId={cycleId}
                  posts={client.posts.filter((p) => p.cycleId === cycleId)}
                />
              ))}
          </Stack>
        </Paper>
      )}

      {client.factItems.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={3} fz="md">
              {t('todo.facts')}
            </Title>
            <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {client.factItems.map((item) => (
                <li key={item.itemId}>
                  <Anchor
                    fw={600}
                    renderRoot={(props) => (
                      <Link
                        to="/facts/$requestId"
                        params={{ requestId: item.requestId }}
                        hash={`item-${item.itemId}`}
                        {...props}
                      />
                    )}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {item.question}
                  </Anchor>
                  <Group gap={6} wrap="wrap">
                    {item.dueOn && (
                      <Text size="sm" c="dimmed">
                        {t('todo.factDue', { date: formatDayMonth(item.dueOn, language) })}
                      </Text>
                    )}
                    {item.followUp && (
                      <Badge color="orange" variant="light" tt="none">
                        {t('todo.followUp')}
                      </Badge>
                    )}
                    {!item.forYou && (
                      <Text size="sm" c="dimmed">
                        {t('todo.forSomeoneElse')}
                      </Text>
                    )}
                  </Group>
                </li>
              ))}
            </Stack>
          </Stack>
        </Paper>
      )}

      {waits(client) === 0 && (
        <EmptyBlock
          order={3}
          icon={<IconChecklist />}
          title={t('todo.emptyTitle')}
          description={t('todo.emptyDescription')}
        />
      )}

      {client.meeting && !client.meeting.live && <MeetingCard client={client} />}
    </Stack>
  );
}

/** The next meeting, or the one on now with a button to join it. */
function MeetingCard({ client }: { client: TodoClient }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const meeting = client.meeting!;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={6}>
        <Group gap={6}>
          <IconVideo size={18} aria-hidden />
          <Title order={3} fz="md">
            {meeting.live ? t('todo.meetingLive') : t('todo.meeting')}
          </Title>
        </Group>
        <Text size="sm">{formatDateTime(meeting.startsAt, language, client.timezone)}</Text>
        <Button
          variant={meeting.live ? 'filled' : 'default'}
          color={meeting.live ? 'teal.9' : undefined}
          renderRoot={(props) => (
            <Link to="/meetings/$meetingId" params={{ meetingId: meeting.meetingId }} {...props} />
          )}
        >
          {meeting.live ? t('todo.join') : t('todo.openMeeting')}
        </Button>
      </Stack>
    </Paper>
  );
}

/**
 * The list follows what happens while it is open: a post sent for review, a follow-up asked, a
 * meeting going live all reach the client's room, and the list is asked again (once for a burst).
 * A contact hears only what they may see there, so any event of it may change the list.
 */
function useTodoKeptCurrent() {
  const me = useMe();
  const queryClient = useQueryClient();
  const rooms = me.clientMemberships.map((m) => everyoneRoom(m.clientId));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveRooms(rooms, () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void queryClient.invalidateQueries({ queryKey: todoKeys.todo }), 500);
  });
}
