import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../shared/api/catalogue.ts';
import type { Me } from '../../shared/api/index.ts';
import { call } from '../api/client.ts';
import { authKeys } from '../auth/queries.ts';
import {
  changeLanguage,
  currentLanguage,
  type Language,
  languages,
  languageNames as names,
} from '../i18n/index.ts';

/** Switches the interface language; a signed-in person's choice is saved to the account too. */
export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = currentLanguage();

  const choose = async (language: Language) => {
    await changeLanguage(language);
    const me = queryClient.getQueryData<Me | null>(authKeys.me);
    if (me && me.user.locale !== language) {
      try {
        const updated = await call(endpoints.updateMe, { body: { locale: language } });
        queryClient.setQueryData(authKeys.me, updated);
      } catch {
        // The device remembers the choice anyway; the account catches up next time.
      }
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="var(--mantine-color-text)"
          leftSection={<IconLanguage size={18} aria-hidden />}
          // Label in name (WCAG 2.5.3): the name starts with what the button shows ("UK").
          aria-label={
            compact
              ? t('language.buttonShort', { code: current.toUpperCase(), name: names[current] })
              : t('language.button', { name: names[current] })
          }
          px={compact ? 'xs' : undefined}
        >
          {compact ? current.toUpperCase() : names[current]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {languages.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => void choose(language)}
            rightSection={language === current ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={language === current ? 'true' : undefined}
          >
            {names[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
