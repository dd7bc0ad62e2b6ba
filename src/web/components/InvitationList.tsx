import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconSend, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../shared/api/index.ts';
import { meQuery } from '../auth/queries.ts';
import { currentLanguage } from '../i18n/index.ts';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { formatDate } from '../lib/format.ts';
import { roleLabel } from '../lib/roles.ts';
import { useResendInvitation, useRevokeInvitation } from '../settings/mutations.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { InvitationLinkButton } from './InvitationLinkButton.tsx';
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

export function InvitationList({ invitations, canManage, timeZone }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const myId = useQuery(meQuery).data?.user.id;

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
                <Text size="sm">{formatDate(invitation.createdAt, language, timeZone)}</Text>
                {invitation.status === 'pending' && (
                  <Text size="xs" c="dimmed">
                    {t('invitations.expires', { date: formatDate(invitation.expiresAt, language, timeZone) })}
                  </Text>
                )}
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {(invitation.status === 'pending' || invitation.status === 'expired') && (
                      <Button
                        variant="subtle"
                        size="xs"
                        leftSection={<IconSend size={14} aria-hidden />}
                        aria-label={t('invitations.resendTo', { email: invitation.email })}
                        loading={resend.isPending && resend.variables === invitation.id}
                        onClick={() =>
                          resend.mutate(invitation.id, {
                            onSuccess: () =>
                              notifySuccess(t('invitations.resent', { email: invitation.email })),
                            onError: (error) => notifyError(error, t),
                          })
                        }
                      >
                        {t('invitations.resend')}
                      </Button>
                    )}
                    {invitation.status === 'pending' && invitation.invitedById === myId && (
                      <InvitationLinkButton invitation={invitation} />
                    )}
                    {invitation.status === 'pending' && (
                      <ConfirmButton
                        label={t('invitations.revokeFor', { email: invitation.email })}
                        leftSection={<IconX size={14} aria-hidden />}
                        title={t('invitations.revokeTitle')}
                        message={t('invitations.revokeConfirm', { email: invitation.email })}
                        confirmLabel={t('invitations.revoke')}
                        onConfirm={() =>
                          revoke.mutateAsync(invitation.id, { onError: (error) => notifyError(error, t) })
                        }
                        loading={revoke.isPending}
                      >
                        {t('invitations.revoke')}
                      </ConfirmButton>
                    )}
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
