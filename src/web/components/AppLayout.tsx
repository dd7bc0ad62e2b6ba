import { AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, storedLanguage } from '../i18n/index.ts';
import { useMe } from '../lib/useMe.ts';
import { ScopedNav } from '../links/ScopedNav.tsx';
import { ScopeNotice } from '../links/ScopeNotice.tsx';
import { LiveMeetingBanner } from '../meetings/LiveMeetingBanner.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { Logo } from './Logo.tsx';
import { MainNav } from './MainNav.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The signed-in frame: header (agency, language, user), navigation, and the screen. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  // On a new device, the account's language wins over the browser's guess.
  useEffect(() => {
    const locale = me.user.locale;
    if (locale && !storedLanguage() && locale !== currentLanguage()) void changeLanguage(locale, false);
  }, [me.user.locale]);

  // The mobile navigation closes once a link is followed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => close(), [pathname, close]);

  const workspace = me.agency?.name ?? me.clientMemberships[0]?.agencyName ?? '';

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Logo />
            {workspace && (
              <Text
                c="dimmed"
                fw={500}
                truncate="end"
                title={workspace}
                visibleFrom="xs"
                maw={{ base: 140, sm: 320, md: 480 }}
              >
                {workspace}
              </Text>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguageSwitcher compact />
            {!me.scope && <NotificationBell />}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="main-navigation" aria-label={t('nav.label')} p="sm">
        <AppShell.Section grow component={ScrollArea}>
          {me.scope ? <ScopedNav scope={me.scope} /> : <MainNav />}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <div style={{ maxWidth: 1200, marginInline: 'auto' }}>
          {me.scope && <ScopeNotice scope={me.scope} />}
          {!me.scope && <LiveMeetingBanner />}
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
