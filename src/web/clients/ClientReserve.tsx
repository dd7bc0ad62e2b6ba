import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/api/index.ts';
import { SectionHeader } from '../components/SectionHeader.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonth } from '../lib/dates.ts';
import { cyclesQuery } from '../planning/queries.ts';
import { ReservePanel } from '../planning/reserve/ReservePanel.tsx';

/** The reserve on the client page: topics can be pulled into any plan still open for topics. */
export function ClientReserve({ client }: { client: Client }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const cycles = useQuery(cyclesQuery(client.id));
  const open = (cycles.data ?? []).filter((c) => c.abilities.addTopics);
  const [chosen, setChosen] = useState<string | null>(null);
  const target = open.find((c) => c.id === chosen) ?? open[0];

  return (
    <section aria-labelledby="reserve-heading">
      <SectionHeader
        id="reserve-heading"
        title={t('reserve.title')}
        description={t('reserve.description')}
        actions={
          open.length > 1 && (
            <Select
              label={t('reserve.pullTarget')}
              data={open.map((c) => ({ value: c.id, label: formatMonth(c.month, language) }))}
              value={target?.id ?? null}
              onChange={setChosen}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )
        }
      />
      <ReservePanel
        clientId={client.id}
        timezone={client.timezone}
        target={target ? { cycleId: target.id, month: target.month } : null}
      />
    </section>
  );
}
