import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconMailQuestion, IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { OutboxMessage } from '../../shared/api/index.ts';
import { urlOf } from '../api/client.ts';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatDateTime, formatSize } from '../lib/format.ts';
import { linkify } from '../lib/linkify.tsx';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { outboxStatusColor } from './outboxStatus.ts';
import { outboxQuery } from './queries.ts';

const route = getRouteApi('/_app/settings/outbox/$messageId');

export function OutboxMessagePage() {
  const { t } = useTranslation();
  const { messageId } = route.useParams();
  const messages = useQuery(outboxQuery);
  const message = messages.data?.find((m) => m.id === messageId);
  usePageTitle(message?.subject || t('outbox.title'));

  const back = (
    <Anchor size="sm" renderRoot={(props) => <Link to="/settings/outbox" {...props} />} w="fit-content">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('outbox.back')}
      </Group>
    </Anchor>
  );

  if (messages.isPending) return <LoadingState rows={3} />;
  if (messages.isError) return <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />;
  if (!message) {
    return (
      <EmptyBlock
        order={1}
        icon={<IconMailQuestion />}
        title={t('outbox.notFound')}
        action={
          <Button variant="default" renderRoot={(props) => <Link to="/settings/outbox" {...props} />}>
            {t('outbox.back')}
          </Button>
        }
      />
    );
  }
  return (
    <Stack gap="md">
      {back}
      <MessageView message={message} />
    </Stack>
  );
}

/** The files the email carried (an invitation's .ics), each with its type and size, to download. */
function Attachments({ message }: { message: OutboxMessage }) {
  const language = currentLanguage();
  return (
    <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {message.attachments.map((a) => (
        <Group component="li" key={a.index} gap={6} wrap="nowrap" align="flex-start">
          <IconPaperclip size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
          {/* Name, then type and size; on a phone the second line goes under the name. */}
          <Group gap={4} wrap="wrap" align="baseline" miw={0} style={{ columnGap: 8 }}>
            <Anchor
              href={urlOf(endpoints.downloadOutboxAttachment, {
                params: { messageId: message.id, index: a.index },
              })}
              download={a.name}
              size="sm"
              fw={500}
              style={{ overflowWrap: 'break-word', minWidth: 0 }}
            >
              {a.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {/* The media type without its parameters: `text/calendar`, not `…; method=REQUEST`. */}
              {`${a.contentType.split(';')[0]} · ${formatSize(a.size, language)}`}
            </Text>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

function MessageView({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
        {message.subject || t('outbox.noSubject')}
      </Title>
      <Paper withBorder radius="md" p="md">
        <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={140}>{t('outbox.to')}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{message.to}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('outbox.date')}</Table.Th>
              <Table.Td>{formatDateTime(message.createdAt, language)}</Table.Td>
            </Table.Tr>
            {message.attachments.length > 0 && (
              <Table.Tr>
                <Table.Th>{t('outbox.attachments')}</Table.Th>
                <Table.Td>
                  <Attachments message={message} />
                </Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th>{t('outbox.status')}</Table.Th>
              <Table.Td>
                <Badge variant="light" color={outboxStatusColor[message.status]}>
                  {t(`outbox.statuses.${message.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {message.status === 'not_configured' && (
          <Alert color="gray" variant="light" mt="sm">
            <Text size="sm">{t('outbox.notConfigured')}</Text>
          </Alert>
        )}
        {message.error && (
          <Alert color="red" variant="light" mt="sm" title={t('outbox.error')}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {message.error}
            </Text>
          </Alert>
        )}
      </Paper>
      <Tabs defaultValue="text">
        <Tabs.List>
          <Tabs.Tab value="text">{t('outbox.textTab')}</Tabs.Tab>
          {message.html && <Tabs.Tab value="html">{t('outbox.htmlTab')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          <Paper withBorder radius="md" p="lg">
            <Text className="pre-wrap" size="sm" ff="monospace">
              {linkify(message.text)}
            </Text>
          </Paper>
        </Tabs.Panel>
        {message.html && (
          <Tabs.Panel value="html" pt="md">
            <Text size="xs" c="dimmed" mb="xs">
              {t('outbox.htmlHint')}
            </Text>
            {/* sandbox="" : no scripts, no forms, no navigation; the email is only looked at. */}
            <iframe
              title={t('outbox.htmlPreviewTitle', { subject: message.subject })}
              sandbox=""
              srcDoc={message.html}
              style={{
                width: '100%',
                minHeight: 480,
                border: '1px solid var(--mantine-color-gray-3)',
                borderRadius: 'var(--mantine-radius-md)',
                background: '#fff',
              }}
            />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
