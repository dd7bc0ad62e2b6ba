import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconSettings } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../auth/mutations.ts';
import { initials } from '../lib/format.ts';
import { roleLabel } from '../lib/roles.ts';
import { useMe } from '../lib/useMe.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const role = me.agency?.role ?? me.clientMemberships[0]?.role;

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => void navigate({ to: '/login', search: { redirect: undefined } }),
    });

  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton
          // Label in name (WCAG 2.5.3): the initials a phone shows, then the name a laptop adds.
          aria-label={t('nav.userMenu', { initials: initials(me.user.name), name: me.user.name })}
          p={4}
          style={{ borderRadius: 'var(--mantine-radius-xl)', display: 'flex', alignItems: 'center', gap: 6 }}
        >
          <Avatar color="indigo" radius="xl" size={34} aria-hidden>
            {initials(me.user.name)}
          </Avatar>
          {/* The initials and the name are two words for axe and speech input, not "МШМарта". */}{' '}
          <Text size="sm" fw={500} truncate="end" maw={160} visibleFrom="md">
            {me.user.name}
          </Text>
          <IconChevronDown size={14} aria-hidden />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end" title={me.user.name}>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end" title={me.user.email}>
            {me.user.email}
          </Text>
          {role && (
            <Text size="xs" c="dimmed">
              {roleLabel(role, t)}
            </Text>
          )}
        </Menu.Label>
        <Menu.Divider />
        {/* A session opened from a link has no settings of its own to reach. */}
        {!me.scope && (
          <Menu.Item
            leftSection={<IconSettings size={16} aria-hidden />}
            renderRoot={(props) => <Link to="/settings" {...props} />}
          >
            {t('nav.settings')}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
