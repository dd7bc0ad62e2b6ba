import { Alert, Button, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonthInText } from '../../lib/dates.ts';
import { isStaleVersion, notifyError, notifySuccess } from '../../lib/errors.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { useSendFactRequest } from '../reviewMutations.ts';
import { EmptyTopics } from './EmptyTopics.tsx';
import { useFactContext } from './FactContext.tsx';
import { GroupSection } from './GroupSection.tsx';
import { GENERAL, groupItems } from './model.ts';

/** The request before it is sent: only the agency sees it; shape it, then send it. */
export function DraftView() {
  const { t } = useTranslation();
  const { plan, rubricById } = usePlanData();
  const { request } = useFactContext();
  const groups = groupItems(request, plan.topics, rubricById, request.abilities.edit);
  const topics = new Set(request.items.map((i) => i.topicId).filter(Boolean)).size;
  const asked = groups.filter((g) => g.items.length > 0 && g.key !== GENERAL);
  const empty = groups.filter((g) => g.items.length === 0 && g.key !== GENERAL);
  const general = groups.find((g) => g.key === GENERAL);

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
          <Stack gap={4} style={{ flex: '1 1 20rem' }}>
            <Title order={2} fz="h3">
              {t('factReview.draft.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('factReview.draft.hint')}
            </Text>
            <Text size="sm" fw={500}>
              {[
                t('factReview.draft.count', { count: request.items.length }),
                ...(topics > 0 ? [t('factReview.draft.topics', { count: topics })] : []),
              ].join(', ')}
            </Text>
          </Stack>
          {request.abilities.send && <SendButton />}
        </Group>
      </Paper>
      {asked.map((group) => (
        <GroupSection key={group.key} group={group} items={group.items} mode="draft" />
      ))}
      <EmptyTopics groups={empty} />
      {general && <GroupSection group={general} items={general.items} mode="draft" />}
    </Stack>
  );
}

/** "Send to client", after saying how many items go and who gets the email. */
function SendButton() {
  const { t } = useTranslation();
  const { cycle, client } = usePlanData();
  const { request, contacts } = useFactContext();
  const send = useSendFactRequest(cycle.id);
  const [opened, { open, close }] = useDisclosure(false);
  const emptyHint = useId();
  const count = request.items.length;

  const confirm = () =>
    send.mutate(
      { id: request.id, version: request.version },
      {
        onSuccess: () => {
          close();
          notifySuccess(t('factReview.draft.sentNotice'));
        },
        onError: (error) => {
          if (isStaleVersion(error)) close();
          notifyError(error, t);
        },
      },
    );

  return (
    <Stack gap={4} align="flex-end" style={{ flex: '0 0 auto' }}>
      <Button
        size="md"
        leftSection={<IconSend size={18} aria-hidden />}
        onClick={open}
        disabled={count === 0}
        aria-describedby={count === 0 ? emptyHint : undefined}
      >
        {t('factReview.draft.send')}
      </Button>
      {count === 0 && (
        <Text size="xs" c="dimmed" id={emptyHint}>
          {t('factReview.draft.sendEmpty')}
        </Text>
      )}
      <Modal opened={opened} onClose={close} title={t('factReview.draft.sendTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">
            {t('factReview.draft.sendBody', {
              count,
              client: client.name,
              month: formatMonthInText(cycle.month, currentLanguage()),
            })}
          </Text>
          {contacts.length > 0 ? (
            <>
              <Text size="sm">{t('factReview.draft.sendTo', { count: contacts.length })}</Text>
              <List size="sm" spacing={2}>
                {contacts.map((c) => (
                  <List.Item key={c.userId} style={{ overflowWrap: 'anywhere' }}>
                    {c.name} ({c.email})
                  </List.Item>
                ))}
              </List>
            </>
          ) : (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
              {t('factReview.draft.sendNoContacts')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('factReview.draft.sendAfter')}
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={confirm}
              loading={send.isPending}
            >
              {t('factReview.draft.sendConfirm', { count })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
