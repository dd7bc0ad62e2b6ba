import { Alert, Button, Group, Text } from '@mantine/core';
import { IconInfoCircle, IconLogin } from '@tabler/icons-react';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { LinkScope } from '../../shared/api/links.ts';

/** Says that this session sees one page only, and how to see the rest: a real sign-in. */
export function ScopeNotice({ scope }: { scope: LinkScope }) {
  const { t } = useTranslation();
  // After a real sign-in the person comes back to this page, now with everything else too.
  const here = useLocation().href;
  return (
    <Alert variant="light" color="indigo" icon={<IconInfoCircle aria-hidden />} mb="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {t('links.scoped.notice', { what: t(`links.scoped.what.${scope.kind}`), client: scope.clientName })}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconLogin size={16} aria-hidden />}
          renderRoot={(props) => <Link to="/login" search={{ redirect: here }} {...props} />}
        >
          {t('links.scoped.signIn')}
        </Button>
      </Group>
    </Alert>
  );
}
