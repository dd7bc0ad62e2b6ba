import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { timeZoneOffset, timeZones } from '../lib/format.ts';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** Searchable list of IANA time zones, each with its current UTC offset. */
export function TimeZoneSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const data = useMemo(() => {
    const zones = timeZones();
    const list = zones.includes(value) || !value ? zones : [value, ...zones];
    return list.map((zone) => ({
      value: zone,
      label: `${zone.replaceAll('_', ' ')} (${timeZoneOffset(zone, language)})`,
    }));
  }, [language, value]);
  return (
    <Select
      label={t('clients.fields.timezone')}
      description={t('clients.fields.timezoneHint')}
      data={data}
      value={value}
      onChange={(next) => next && onChange(next)}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('common.nothingFound')}
      limit={50}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
