import { NavLink } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { LinkScope } from '../../shared/api/links.ts';
import { subjectPage } from './subjectPage.ts';

/** A session opened from a link reaches one page: the navigation shows that page only. */
export function ScopedNav({ scope }: { scope: LinkScope }) {
  const { t } = useTranslation();
  return (
    <NavLink
      label={t(`links.scoped.nav.${scope.kind}`)}
      leftSection={<IconLink size={20} aria-hidden />}
      active
      variant="light"
      aria-current="page"
      renderRoot={(props) => <Link {...subjectPage(scope)} {...props} />}
      styles={{
        root: { borderRadius: 'var(--mantine-radius-md)' },
        label: { fontSize: 'var(--mantine-font-size-sm)' },
      }}
    />
  );
}
