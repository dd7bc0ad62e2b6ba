import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCalendarShare,
  IconChevronDown,
  IconDownload,
  IconFileTypeCsv,
  IconFileTypePdf,
  IconPresentation,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../../shared/api/catalogue.ts';
import { urlOf } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { usePlanData } from '../PlanContext.tsx';
import { CalendarFeedModal } from './CalendarFeedModal.tsx';

/** Downloads of the plan (deck, PDF, schedule) and the client's calendar feed. */
export function ExportMenu() {
  const { t } = useTranslation();
  const { cycle, client } = usePlanData();
  const [feedOpen, feed] = useDisclosure(false);
  const params = { cycleId: cycle.id };
  const language = currentLanguage();
  const deckLanguage = t(client.language === 'en' ? 'client.language.en' : 'client.language.uk');
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
          >
            {t('export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {/* The deck is made in the client's language, which may not be the one on this screen. */}
          <Menu.Label>
            {t('export.deckLanguage', {
              language: language === 'uk' ? deckLanguage.toLocaleLowerCase('uk') : deckLanguage,
            })}
          </Menu.Label>
          <Menu.Item
            component="a"
            href={urlOf(endpoints.downloadDeckPptx, { params })}
            download
            leftSection={<IconPresentation size={16} aria-hidden />}
          >
            {t('export.pptx')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={urlOf(endpoints.downloadDeckPdf, { params })}
            download
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            {t('export.pdf')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={urlOf(endpoints.downloadScheduleCsv, { params })}
            download
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          >
            {t('export.csv')}
          </Menu.Item>
          {client.abilities.update && (
            <>
              <Menu.Divider />
              <Menu.Item leftSection={<IconCalendarShare size={16} aria-hidden />} onClick={feed.open}>
                {t('export.feed')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <CalendarFeedModal clientId={client.id} opened={feedOpen} onClose={feed.close} />
    </>
  );
}
