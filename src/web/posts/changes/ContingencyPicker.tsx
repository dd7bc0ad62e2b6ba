import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type MonthContingency, shortConcept } from './changeLabels.ts';

interface Props {
  contingencies: MonthContingency[];
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}

/** "Covered by": the prepared "what if" this change was ready for, grouped by the client's plan. */
export function ContingencyPicker({ contingencies, value, onChange, error }: Props) {
  const { t } = useTranslation();
  // A "what if" already used by another change is not offered again.
  const free = contingencies.filter((c) => !c.usedBy || c.contingency.id === value);
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const { contingency, plan } of free) {
    const items = groups.get(plan.title) ?? [];
    items.push({ value: contingency.id, label: shortConcept(contingency.concept) });
    groups.set(plan.title, items);
  }
  if (contingencies.length === 0) return null;
  return (
    <Select
      label={t('changes.fields.coveredBy')}
      description={t('changes.fields.coveredByHint')}
      placeholder={t('changes.fields.notCovered')}
      data={[...groups].map(([group, items]) => ({ group, items }))}
      value={value}
      onChange={onChange}
      clearable
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
