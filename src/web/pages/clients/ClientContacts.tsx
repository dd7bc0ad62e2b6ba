import { Button, Paper, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Client, Contact } from '../../../shared/api/index.ts';
import { type ClientRole, clientRoles } from '../../../shared/roles.ts';
import { useRemoveContact, useUpdateContact } from '../../api/mutations.ts';
import { contactsQuery } from '../../api/queries.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { EmptyBlock } from '../../components/EmptyBlock.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { InvitationList } from '../../components/InvitationList.tsx';
import { InviteModal } from '../../components/InviteModal.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PersonCell } from '../../components/PersonCell.tsx';
import { SectionHeader } from '../../components/SectionHeader.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { roleLabel, roleOptions } from '../../lib/roles.ts';
import { useMe } from '../../lib/useMe.ts';

/** The client's own people (approvers, contributors) and the invitations still open. */
export function ClientContacts({ client }: { client: Client }) {
  const { t } = useTranslation();
  const me = useMe();
  const data = useQuery(contactsQuery(client.id));
  const [inviting, { open, close }] = useDisclosure(false);
  const canManage = client.abilities.manageContacts && me.abilities.inviteContacts;
  const openInvitations = data.data?.invitations.filter((i) => i.status !== 'accepted') ?? [];

  const inviteButton = canManage && (
    <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={open}>
      {t('contacts.invite')}
    </Button>
  );

  return (
    <Stack gap="xl">
      <section aria-labelledby="contacts-heading">
        <SectionHeader
          id="contacts-heading"
          title={t('contacts.title')}
          description={t('contacts.description')}
          actions={data.data?.contacts.length ? inviteButton : null}
        />
        {data.isPending ? (
          <LoadingState rows={3} />
        ) : data.isError ? (
          <ErrorState error={data.error} onRetry={() => void data.refetch()} />
        ) : data.data.contacts.length === 0 ? (
          <EmptyBlock
            order={3}
            icon={<IconAddressBook />}
            title={t('contacts.emptyTitle')}
            description={canManage ? t('contacts.emptyHint') : undefined}
            action={inviteButton}
          />
        ) : (
          <Paper withBorder radius="md">
            <ContactTable
              client={client}
              contacts={data.data.contacts}
              canManage={canManage}
              myId={me.user.id}
            />
          </Paper>
        )}
      </section>
      {openInvitations.length > 0 && (
        <section aria-labelledby="contact-invitations-heading">
          <SectionHeader id="contact-invitations-heading" title={t('invitations.title')} />
          <Paper withBorder radius="md">
            <InvitationList invitations={openInvitations} canManage={canManage} timeZone={client.timezone} />
          </Paper>
        </section>
      )}
      <InviteModal
        opened={inviting}
        onClose={close}
        title={t('contacts.invite')}
        description={t('contacts.inviteHint', { client: client.name })}
        roles={clientRoles}
        defaultRole="approver"
        clientId={client.id}
      />
    </Stack>
  );
}

interface TableProps {
  client: Client;
  contacts: Contact[];
  canManage: boolean;
  myId: string;
}

function ContactTable({ client, contacts, canManage, myId }: TableProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const update = useUpdateContact(client.id);
  const remove = useRemoveContact(client.id);

  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contacts.person')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('contacts.since')}</Table.Th>
            {canManage && (
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.userId}>
              <Table.Td>
                <PersonCell name={contact.name} email={contact.email} isYou={contact.userId === myId} />
              </Table.Td>
              <Table.Td miw={170}>
                {canManage ? (
                  <Select
                    size="xs"
                    aria-label={t('contacts.roleOf', { name: contact.name })}
                    data={roleOptions(clientRoles, t)}
                    value={contact.role}
                    allowDeselect={false}
                    onChange={(role) =>
                      role &&
                      role !== contact.role &&
                      update.mutate(
                        { userId: contact.userId, role: role as ClientRole },
                        {
                          onSuccess: () => notifySuccess(t('contacts.roleChanged', { name: contact.name })),
                          onError: (error) => notifyError(error, t),
                        },
                      )
                    }
                    comboboxProps={{ withinPortal: true }}
                  />
                ) : (
                  <Text size="sm">{roleLabel(contact.role, t)}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(contact.since, language, client.timezone)}</Text>
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <ConfirmButton
                    label={t('contacts.removeNamed', { name: contact.name })}
                    icon={<IconUserMinus size={18} aria-hidden />}
                    title={t('contacts.removeTitle')}
                    message={t('contacts.removeConfirm', { name: contact.name, client: client.name })}
                    confirmLabel={t('contacts.remove')}
                    onConfirm={() =>
                      remove.mutateAsync(contact.userId, {
                        onSuccess: () => notifySuccess(t('contacts.removed', { name: contact.name })),
                        onError: (error) => notifyError(error, t),
                      })
                    }
                    loading={remove.isPending}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
