import { Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/api/index.ts';
import { type AgencyRole, agencyRoles } from '../../../shared/roles.ts';
import { useRemoveMember, useUpdateMember } from '../../api/mutations.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { PersonCell } from '../../components/PersonCell.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { roleLabel, roleOptions } from '../../lib/roles.ts';

interface Props {
  members: Member[];
  canManage: boolean;
  myId: string;
}

export function MemberTable({ members, canManage, myId }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const update = useUpdateMember();
  const remove = useRemoveMember();

  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.person')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('members.since')}</Table.Th>
            {canManage && (
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const isMe = member.userId === myId;
            return (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  <PersonCell name={member.name} email={member.email} isYou={isMe} />
                </Table.Td>
                <Table.Td miw={190}>
                  {canManage ? (
                    <Select
                      size="xs"
                      aria-label={t('members.roleOf', { name: member.name })}
                      data={roleOptions(agencyRoles, t)}
                      value={member.role}
                      allowDeselect={false}
                      onChange={(role) =>
                        role &&
                        role !== member.role &&
                        update.mutate(
                          { userId: member.userId, role: role as AgencyRole },
                          {
                            onSuccess: () => notifySuccess(t('members.roleChanged', { name: member.name })),
                            onError: (error) => notifyError(error, t),
                          },
                        )
                      }
                      comboboxProps={{ withinPortal: true }}
                    />
                  ) : (
                    <Text size="sm">{roleLabel(member.role, t)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(member.since, language)}</Text>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    {!isMe && (
                      <ConfirmButton
                        label={t('members.removeNamed', { name: member.name })}
                        icon={<IconUserMinus size={18} aria-hidden />}
                        title={t('members.removeTitle')}
                        message={t('members.removeConfirm', { name: member.name })}
                        confirmLabel={t('members.remove')}
                        onConfirm={() =>
                          remove.mutateAsync(member.userId, {
                            onSuccess: () => notifySuccess(t('members.removed', { name: member.name })),
                            onError: (error) => notifyError(error, t),
                          })
                        }
                        loading={remove.isPending}
                      />
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
