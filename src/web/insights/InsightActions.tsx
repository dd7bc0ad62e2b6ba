import { Button, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCalendarEvent,
  IconChevronDown,
  IconFileTypeCsv,
  IconFileTypePdf,
  IconUpload,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Client, InsightMonth } from '../../shared/api/index.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonth } from '../lib/dates.ts';
import { CoCreationSinceModal } from './CoCreationSinceModal.tsx';
import { HistoryImportModal } from './HistoryImportModal.tsx';
import { csvUrl, reportUrl } from './historyImport.ts';
import { monthNow } from './months.ts';

interface Props {
  client: Client;
  range: { from: string; to: string };
  months: InsightMonth[];
}

/** Downloads for everyone who sees the figures; the history and the start month for the agency's managers. */
export function InsightActions({ client, range, months }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [importing, importModal] = useDisclosure(false);
  const [setting, sinceModal] = useDisclosure(false);
  // A report is about a month Plit recorded; imported months are only numbers.
  const reportable = months.filter((m) => m.source === 'plit').reverse();
  // The server says which months are partial; this only words it (the current one, or one ahead).
  const current = monthNow(client.timezone);

  return (
    <>
      {months.length > 0 && (
        <Button
          component="a"
          href={csvUrl(client.id, range, language)}
          download
          variant="default"
          size="xs"
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
        >
          {t('insights.actions.csv')}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size="xs"
            disabled={reportable.length === 0}
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
          >
            {t('insights.actions.report')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
          <Menu.Label>{t('insights.actions.reportMonth')}</Menu.Label>
          {reportable.map((m) => (
            <Menu.Item key={m.month} component="a" href={reportUrl(client.id, m.month, language)} download>
              {formatMonth(m.month, language)}
              {m.partial && (
                <Text span size="xs" c="dimmed">
                  {' · '}
                  {t(m.month === current ? 'insights.partial.current' : 'insights.partial.ahead')}
                </Text>
              )}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {client.abilities.update && (
        <>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconUpload size={16} aria-hidden />}
            onClick={importModal.open}
          >
            {t('insights.actions.import')}
          </Button>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconCalendarEvent size={16} aria-hidden />}
            onClick={sinceModal.open}
          >
            {t('insights.actions.since')}
          </Button>
          <HistoryImportModal clientId={client.id} opened={importing} onClose={importModal.close} />
          <CoCreationSinceModal client={client} opened={setting} onClose={sinceModal.close} />
        </>
      )}
    </>
  );
}
