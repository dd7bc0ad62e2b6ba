import { Alert, Anchor, Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMailOff, IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../components/EmptyBlock.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { TruncatedText } from '../components/TruncatedText.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatDateTime } from '../lib/format.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { outboxStatusColor } from './outboxStatus.ts';
import { outboxQuery } from './queries.ts';

/** Every email Plit sent or tried to, for owners: what went out, with its one-time links hidden. */
export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.title'));
  const language = currentLanguage();
  const messages = useQuery(outboxQuery);
  // On a phone one column: the subject, with the recipient and the status under it.
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      {messages.data?.some((m) => m.status === 'not_configured') && (
        <Alert color="gray" variant="light" icon={<IconMailOff />} mb="md" role="status">
          {t('outbox.notConfigured')}
        </Alert>
      )}
      {messages.isPending ? (
        <LoadingState rows={4} height={44} />
      ) : messages.isError ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : messages.data.length === 0 ? (
        <EmptyBlock icon={<IconMailOff />} title={t('outbox.empty')} description={t('outbox.emptyHint')} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={narrow ? 0 : 680}>
            {/* Fixed on a phone: the one column keeps the screen's width and its lines end in "…". */}
            <Table verticalSpacing="sm" highlightOnHover layout={narrow ? 'fixed' : undefined}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('outbox.subject')}</Table.Th>
                  {!narrow && (
                    <>
                      <Table.Th>{t('outbox.to')}</Table.Th>
                      <Table.Th>{t('outbox.status')}</Table.Th>
                      <Table.Th>{t('outbox.date')}</Table.Th>
                    </>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {messages.data.map((message) => (
                  <Table.Tr key={message.id}>
                    <Table.Td maw={narrow ? undefined : 360}>
                      <Anchor
                        size="sm"
                        fw={500}
                        renderRoot={(props) => (
                          <Link
                            to="/settings/outbox/$messageId"
                            params={{ messageId: message.id }}
                            {...props}
                          />
                        )}
                        title={message.subject}
                        style={{
                          display: 'block',
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          whiteSpace: 'nowrap',
                        }}
                      >
                        {message.attachments.length > 0 && (
                          <IconPaperclip
                            size={14}
                            role="img"
                            aria-label={t('outbox.withAttachments')}
                            style={{ verticalAlign: '-2px', marginInlineEnd: 4 }}
                          />
                        )}
                        {message.subject || t('outbox.noSubject')}
                      </Anchor>
                      {narrow && (
                        <Group gap="xs" mt={4} wrap="nowrap">
                          <Badge
                            variant="light"
                            color={outboxStatusColor[message.status]}
                            style={{ flexShrink: 0 }}
                          >
                            {t(`outbox.statuses.${message.status}`)}
                          </Badge>
                          <TruncatedText size="xs" c="dimmed">
                            {`${message.to} · ${formatDateTime(message.createdAt, language)}`}
                          </TruncatedText>
                        </Group>
                      )}
                    </Table.Td>
                    {!narrow && (
                      <>
                        <Table.Td maw={260}>
                          <TruncatedText size="sm">{message.to}</TruncatedText>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={outboxStatusColor[message.status]}>
                            {t(`outbox.statuses.${message.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {formatDateTime(message.createdAt, language)}
                          </Text>
                        </Table.Td>
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
