import { Input, SegmentedControl, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/api/index.ts';
import { usePlanData } from '../../planning/PlanContext.tsx';
import { reserveQuery } from '../../planning/queries.ts';
import { PostPicker } from './PostPicker.tsx';
import { type NewTopic, TopicFields } from './TopicFields.tsx';

export interface Replacement {
  postId: string | null;
  source: 'reserve' | 'new';
  topicId: string | null;
  topic: NewTopic;
}

export const initialReplacement = (): Replacement => ({
  postId: null,
  source: 'reserve',
  topicId: null,
  topic: { title: '', angle: '' },
});

interface Props {
  value: Replacement;
  onChange: (value: Replacement) => void;
  posts: PostSummary[];
  errors: Record<string, string | undefined>;
}

/** Which post gets another topic, and where that topic comes from: the reserve, or new. */
export function ReplacementFields({ value, onChange, posts, errors }: Props) {
  const { t } = useTranslation();
  const { client, plan } = usePlanData();
  const reserve = useQuery(reserveQuery(client.id, {}));
  // This month's topics that never got a slot are as good as the reserve's.
  const unplaced = plan.topics.filter(
    (x) => !x.slotId && (x.status === 'accepted' || x.status === 'changed' || x.status === 'proposed'),
  );
  const options = [
    { group: t('changes.fields.thisMonth'), items: unplaced.map((x) => ({ value: x.id, label: x.title })) },
    {
      group: t('changes.fields.reserve'),
      items: (reserve.data ?? []).map((x) => ({ value: x.id, label: x.title })),
    },
  ].filter((g) => g.items.length > 0);
  const empty = options.length === 0 && !reserve.isPending;
  return (
    <>
      <PostPicker
        // A published post stays as it went out; a new situational post follows it instead.
        posts={posts.filter((p) => p.status !== 'published')}
        value={value.postId}
        onChange={(postId) => onChange({ ...value, postId })}
        error={errors.postId}
        description={t('changes.fields.replacedPostHint')}
        timezone={client.timezone}
      />
      <Input.Wrapper label={t('changes.fields.newTopicFrom')} labelElement="div">
        <SegmentedControl
          fullWidth
          aria-label={t('changes.fields.newTopicFrom')}
          value={value.source}
          onChange={(v) => onChange({ ...value, source: v as Replacement['source'] })}
          data={[
            { value: 'reserve', label: t('changes.fields.fromReserve') },
            { value: 'new', label: t('changes.fields.newTopic') },
          ]}
        />
      </Input.Wrapper>
      {value.source === 'reserve' ? (
        <Select
          label={t('changes.fields.reserveTopic')}
          placeholder={
            reserve.isPending
              ? t('common.loading')
              : empty
                ? t('changes.fields.reserveEmpty')
                : t('changes.fields.reserveTopicPlaceholder')
          }
          data={options}
          value={value.topicId}
          onChange={(topicId) => onChange({ ...value, topicId })}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          disabled={empty}
          error={errors.topicId ?? (reserve.isError ? t('changes.reserveFailed') : undefined)}
          required
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        <TopicFields
          value={value.topic}
          onChange={(topic) => onChange({ ...value, topic })}
          errors={errors}
          titleLabel={t('changes.fields.newTopicTitle')}
        />
      )}
    </>
  );
}
