import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { postLabel } from './postLabel.ts';

interface Props {
  posts: PostSummary[];
  value: string | null;
  onChange: (postId: string | null) => void;
  error?: string;
  description?: string;
  timezone: string;
}

/** One of the month's posts, in calendar order, found by typing any part of its name. */
export function PostPicker({ posts, value, onChange, error, description, timezone }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const data = [...posts]
    .sort((a, b) => a.publishAt.localeCompare(b.publishAt))
    .map((p) => ({ value: p.id, label: postLabel(p, timezone, t, language) }));
  return (
    <Select
      label={t('changes.fields.post')}
      description={description}
      placeholder={data.length ? t('changes.fields.postPlaceholder') : t('changes.fields.noPosts')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      disabled={data.length === 0}
      error={error}
      required
      comboboxProps={{ withinPortal: true }}
    />
  );
}
