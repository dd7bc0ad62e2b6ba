import { NavLink } from '@mantine/core';
import {
  IconBuildingStore,
  IconChartLine,
  IconMail,
  IconSettings,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../lib/useMe.ts';

interface Item {
  to: '/' | '/members' | '/insights' | '/settings' | '/settings/outbox';
  label: string;
  icon: ReactNode;
  active: (path: string) => boolean;
}

export function MainNav() {
  const { t } = useTranslation();
  const me = useMe();
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  const items: Item[] = [
    {
      to: '/',
      label: t('nav.clients'),
      icon: <IconBuildingStore size={20} aria-hidden />,
      active: (p) => p === '/' || p.startsWith('/clients'),
    },
  ];
  if (me.agency) {
    items.push({
      to: '/members',
      label: t('nav.members'),
      icon: <IconUsersGroup size={20} aria-hidden />,
      active: (p) => p.startsWith('/members'),
    });
    items.push({
      to: '/insights',
      label: t('nav.insights'),
      icon: <IconChartLine size={20} aria-hidden />,
      active: (p) => p.startsWith('/insights'),
    });
  }
  items.push({
    to: '/settings',
    label: t('nav.settings'),
    icon: <IconSettings size={20} aria-hidden />,
    active: (p) => p === '/settings',
  });
  if (me.abilities.readOutbox) {
    items.push({
      to: '/settings/outbox',
      label: t('nav.outbox'),
      icon: <IconMail size={20} aria-hidden />,
      active: (p) => p.startsWith('/settings/outbox'),
    });
  }

  return (
    <>
      {items.map((item) => {
        const active = item.active(pathname);
        return (
          <NavLink
            key={item.to}
            label={item.label}
            leftSection={item.icon}
            active={active}
            variant="light"
            aria-current={active ? 'page' : undefined}
            // Which item is current is decided above; the router would also mark /settings on its subpages.
            renderRoot={(props) => <Link to={item.to} activeOptions={{ exact: true }} {...props} />}
            styles={{
              root: { borderRadius: 'var(--mantine-radius-md)' },
              label: { fontSize: 'var(--mantine-font-size-sm)' },
            }}
          />
        );
      })}
    </>
  );
}
