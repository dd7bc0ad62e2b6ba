import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface NewTopic {
  title: string;
  angle: string;
}

interface Props {
  value: NewTopic;
  onChange: (topic: NewTopic) => void;
  errors: Record<string, string | undefined>;
  titleLabel?: string;
}

/** A topic written on the spot: its title and, if there is one yet, its angle. */
export function TopicFields({ value, onChange, errors, titleLabel }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={titleLabel ?? t('changes.fields.topicTitle')}
        placeholder={t('changes.fields.topicTitlePlaceholder')}
        value={value.title}
        onChange={(e) => onChange({ ...value, title: e.currentTarget.value })}
        error={errors.title}
        maxLength={300}
        required
      />
      <Textarea
        label={t('changes.fields.angle')}
        description={t('changes.fields.angleHint')}
        autosize
        minRows={2}
        maxRows={6}
        value={value.angle}
        onChange={(e) => onChange({ ...value, angle: e.currentTarget.value })}
        error={errors.angle}
        maxLength={2000}
      />
    </>
  );
}
