import { Badge, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../shared/api/index.ts';
import { meQuery } from '../auth/queries.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatDate } from '../lib/format.ts';
import { roleLabel } from '../lib/roles.ts';
import { PHONE_TARGET, usePhone } from '../lib/usePhone.ts';
import { CardList } from './CardList.tsx';
import { InvitationActions } from './InvitationActions.tsx';
import { TableHead } from './TableHead.tsx';
import { TruncatedText } from './TruncatedText.tsx';

const statusColor: Record<Invitation['status'], string> = {
  pending: 'blue',
  accepted: 'teal',
  expired: 'orange',
  revoked: 'gray',
};

interface Props {
  invitations: Invitation[];
  canManage: boolean;
  /** The client's time zone for a client's invitations; the reader's own otherwise. */
  timeZone?: string;
}

/** Invitations: a table on a wide screen; on a phone a list of cards, every action in reach. */
export function InvitationList({ invitations, canManage, timeZone }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const myId = useQuery(meQuery).data?.user.id;
  const phone = usePhone();
  const date = (iso: string) => formatDate(iso, language, timeZone);

  if (phone) {
    return (
      <CardList items={invitations} keyOf={(invitation) => invitation.id}>
        {(invitation) => (
          <>
            <TruncatedText size="sm" fw={600}>
              {invitation.email}
            </TruncatedText>
            {invitation.invitedByName && (
              <TruncatedText size="xs" c="dimmed">
                {t('invitations.invitedBy', { name: invitation.invitedByName })}
              </TruncatedText>
            )}
            <Group gap="xs" mt={6}>
              <Text size="sm">{roleLabel(invitation.role, t)}</Text>
              <Badge variant="light" color={statusColor[invitation.status]}>
                {t(`invitations.statuses.${invitation.status}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('invitations.sentOn', { date: date(invitation.createdAt) })}
              {invitation.status === 'pending' &&
                ` · ${t('invitations.expires', { date: date(invitation.expiresAt) })}`}
            </Text>
            {canManage && (
              <Group gap="xs" mt="sm">
                <InvitationActions
                  invitation={invitation}
                  myId={myId}
                  buttonProps={{ size: 'sm', h: PHONE_TARGET, variant: 'light' }}
                />
              </Group>
            )}
          </>
        )}
      </CardList>
    );
  }

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <TableHead
          columns={[t('fields.email'), t('fields.role'), t('invitations.status'), t('invitations.sentAt')]}
          withActions={canManage}
        />
        <Table.Tbody>
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td maw={280}>
                <TruncatedText size="sm">{invitation.email}</TruncatedText>
                {invitation.invitedByName && (
                  <TruncatedText size="xs" c="dimmed">
                    {t('invitations.invitedBy', { name: invitation.invitedByName })}
                  </TruncatedText>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{roleLabel(invitation.role, t)}</Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusColor[invitation.status]}>
                  {t(`invitations.statuses.${invitation.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{date(invitation.createdAt)}</Text>
                {invitation.status === 'pending' && (
                  <Text size="xs" c="dimmed">
                    {t('invitations.expires', { date: date(invitation.expiresAt) })}
                  </Text>
                )}
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <InvitationActions invitation={invitation} myId={myId} />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
