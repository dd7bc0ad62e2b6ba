import { Group, Select, Table, Text } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { formatDate } from '../lib/format.ts';
import { type AnyRole, roleLabel, roleOptions } from '../lib/roles.ts';
import { PHONE_TARGET, usePhone } from '../lib/usePhone.ts';
import { CardList } from './CardList.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { PersonCell } from './PersonCell.tsx';
import { TableHead } from './TableHead.tsx';

interface Person<Role extends AnyRole> {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: string;
}

interface Props<Role extends AnyRole, P extends Person<Role>> {
  /** Whose people: the agency's members or a client's contacts; picks the texts (`members.roleOf`…). */
  kind: 'members' | 'contacts';
  people: P[];
  roles: readonly Role[];
  /** Lets the reader change roles and remove people; otherwise the role is plain text. */
  canManage: boolean;
  myId: string;
  update: UseMutationResult<unknown, Error, { userId: string; role: Role }>;
  remove: UseMutationResult<unknown, Error, string>;
  /** What removing this person means, shown in the confirmation. */
  removeConfirm: (person: P) => string;
  /** Who may be removed here (owners can't remove themselves); anyone when omitted. */
  canRemove?: (person: P) => boolean;
  /** Width that fits the longest role name in the select. */
  roleWidth: number;
  /** A client's contacts are dated in the client's time zone; members in the reader's own. */
  timeZone?: string;
}

/**
 * People with a role: who they are, a role select, since when, and a remove button. A table on a
 * wide screen; on a phone a list of cards, the select full width and every button finger-sized.
 */
export function PeopleTable<Role extends AnyRole, P extends Person<Role>>(props: Props<Role, P>) {
  const {
    kind,
    people,
    roles,
    canManage,
    myId,
    update,
    remove,
    removeConfirm,
    canRemove = () => true,
    roleWidth,
    timeZone,
  } = props;
  const { t } = useTranslation();
  const language = currentLanguage();

  const changeRole = (person: P, role: Role) =>
    update.mutate(
      { userId: person.userId, role },
      {
        onSuccess: () => notifySuccess(t(`${kind}.roleChanged`, { name: person.name })),
        onError: (error) => notifyError(error, t),
      },
    );

  const phone = usePhone();
  const since = (person: P) => formatDate(person.since, language, timeZone);

  const roleControl = (person: P) =>
    canManage ? (
      <Select
        size={phone ? 'md' : 'xs'}
        aria-label={t(`${kind}.roleOf`, { name: person.name })}
        data={roleOptions(roles, t)}
        value={person.role}
        allowDeselect={false}
        onChange={(role) => role && role !== person.role && changeRole(person, role as Role)}
        comboboxProps={{ withinPortal: true }}
        style={phone ? { flex: 1, minWidth: 0 } : undefined}
      />
    ) : (
      <Text size="sm">{roleLabel(person.role, t)}</Text>
    );

  const removeButton = (person: P) =>
    canManage &&
    canRemove(person) && (
      <ConfirmButton
        label={t(`${kind}.removeNamed`, { name: person.name })}
        icon={<IconUserMinus size={18} aria-hidden />}
        title={t(`${kind}.removeTitle`)}
        message={removeConfirm(person)}
        confirmLabel={t(`${kind}.remove`)}
        onConfirm={() =>
          remove.mutateAsync(person.userId, {
            onSuccess: () => notifySuccess(t(`${kind}.removed`, { name: person.name })),
            onError: (error) => notifyError(error, t),
          })
        }
        loading={remove.isPending}
        // A finger needs more than the icon: on a phone it is a square as tall as the select.
        {...(phone ? { w: PHONE_TARGET + 2, h: PHONE_TARGET + 2, variant: 'light', px: 0 } : {})}
      />
    );

  if (phone) {
    return (
      <CardList items={people} keyOf={(person) => person.userId}>
        {(person) => (
          <>
            <PersonCell name={person.name} email={person.email} isYou={person.userId === myId} />
            <Text size="xs" c="dimmed" mt={6}>
              {t(`${kind}.sinceOn`, { date: since(person) })}
            </Text>
            <Group gap="xs" mt="sm" wrap="nowrap">
              {roleControl(person)}
              {removeButton(person)}
            </Group>
          </>
        )}
      </CardList>
    );
  }

  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="sm">
        <TableHead
          columns={[t(`${kind}.person`), t('fields.role'), t(`${kind}.since`)]}
          withActions={canManage}
        />
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.userId}>
              <Table.Td>
                <PersonCell name={person.name} email={person.email} isYou={person.userId === myId} />
              </Table.Td>
              <Table.Td miw={roleWidth}>{roleControl(person)}</Table.Td>
              <Table.Td>
                <Text size="sm">{since(person)}</Text>
              </Table.Td>
              {canManage && <Table.Td>{removeButton(person)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
