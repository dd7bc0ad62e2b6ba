import {
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostFull } from '../../../../shared/api/index.ts';
import { networkRules } from '../../../../shared/posts/limits.ts';
import { DateField } from '../../../components/dates/DateField.tsx';
import { TimeField } from '../../../components/dates/TimeField.tsx';
import { StaleVersionAlert } from '../../../components/StaleVersionAlert.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatPublishAt } from '../labels.ts';
import { cleanHashtag, type FieldName } from './fieldsForm.ts';
import { SaveStateText } from './SaveStateText.tsx';
import type { usePostFields } from './usePostFields.ts';

interface Props {
  data: PostFull;
  fields: ReturnType<typeof usePostFields>;
  editable: boolean;
}

/** Everything besides the copy: the brief for the visual, hashtags, link, first comment, time. */
export function PostFieldsForm({ data, fields, editable }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const { form, change, flush, problems, serverErrors } = fields;
  const network = data.post.network;
  const rules = networkRules[network];
  const networkName = t(`networks.${network}`);
  const readOnly = !editable;
  const leave = () => void flush();
  const error = (name: FieldName) =>
    serverErrors[name] ?? (problems[name] ? t(`postEditor.fields.${problems[name]}`) : undefined);

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Title order={2} fz="md" id={titleId}>
          {t('postEditor.fields.title')}
        </Title>
        <SaveStateText fields={fields} />
      </Group>
      <Stack gap="md">
        {fields.conflict && <ConflictAlert data={data} fields={fields} />}
        <TagsInput
          label={t('postEditor.fields.hashtags')}
          description={
            rules.hashtags
              ? t('postEditor.fields.hashtagsHintLimit', { network: networkName, limit: rules.hashtags })
              : t('postEditor.fields.hashtagsHint')
          }
          value={form.hashtags}
          onChange={(tags) => {
            const clean = [...new Set(tags.map(cleanHashtag).filter(Boolean))];
            change({ hashtags: clean });
          }}
          onBlur={leave}
          splitChars={[',', ' ']}
          acceptValueOnBlur
          clearable={editable}
          readOnly={readOnly}
          maxTags={60}
          error={error('hashtags')}
        />
        <TextInput
          type="url"
          inputMode="url"
          label={t('postEditor.fields.link')}
          description={
            rules.clickableLinks
              ? t('postEditor.fields.linkHint')
              : t('postEditor.fields.linkHintNotClickable', { network: networkName })
          }
          placeholder="https://"
          value={form.link}
          onChange={(event) => change({ link: event.currentTarget.value })}
          onBlur={leave}
          readOnly={readOnly}
          error={error('link')}
        />
        <FirstCommentField
          fields={fields}
          readOnly={readOnly}
          networkName={networkName}
          supported={rules.firstComment}
          error={error('firstComment')}
        />
        <Textarea
          label={t('postEditor.fields.visualBrief')}
          description={t('postEditor.fields.visualBriefHint')}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={5000}
          value={form.visualBrief}
          onChange={(event) => change({ visualBrief: event.currentTarget.value })}
          onBlur={leave}
          readOnly={readOnly}
          error={error('visualBrief')}
        />
        <PublishTimeFields data={data} fields={fields} readOnly={readOnly} error={error('publishAt')} />
      </Stack>
    </Paper>
  );
}

function FirstCommentField(props: {
  fields: ReturnType<typeof usePostFields>;
  readOnly: boolean;
  networkName: string;
  supported: boolean;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const { fields, readOnly, networkName, supported } = props;
  const value = fields.form.firstComment;
  // A network without first comments gets only the hint; one already written stays, to be cleared.
  if (!supported && !value) {
    return (
      <Text size="sm" c="dimmed">
        {t('postEditor.fields.firstCommentUnsupported', { network: networkName })}
      </Text>
    );
  }
  return (
    <Textarea
      label={t('postEditor.fields.firstComment')}
      description={
        supported
          ? t('postEditor.fields.firstCommentHint')
          : t('postEditor.fields.firstCommentUnsupported', { network: networkName })
      }
      autosize
      minRows={2}
      maxRows={8}
      maxLength={5000}
      value={value}
      onChange={(event) => fields.change({ firstComment: event.currentTarget.value })}
      onBlur={() => void fields.flush()}
      readOnly={readOnly}
      error={props.error ?? (!supported ? t('postEditor.fields.firstCommentDropped') : undefined)}
    />
  );
}

/** The date and time in the client's zone, whatever the writer's own clock says. */
function PublishTimeFields(props: {
  data: PostFull;
  fields: ReturnType<typeof usePostFields>;
  readOnly: boolean;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const { data, fields, readOnly } = props;
  const zone = data.client.timezone;
  const hintId = useId();
  return (
    <Stack gap={4}>
      <SimpleGrid cols={2} spacing="sm">
        <DateField
          label={t('postEditor.fields.date')}
          value={fields.form.date}
          onChange={(value) => fields.change({ date: value })}
          onBlur={() => void fields.flush()}
          readOnly={readOnly}
          aria-describedby={hintId}
          error={props.error}
        />
        <TimeField
          label={t('postEditor.fields.time')}
          value={fields.form.time}
          onChange={(value) => fields.change({ time: value })}
          onBlur={() => void fields.flush()}
          readOnly={readOnly}
          aria-describedby={hintId}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed" id={hintId}>
        {t('postEditor.fields.timeZoneHint', { zone })}
      </Text>
    </Stack>
  );
}

/** Someone saved a field the writer changed too: their value shows, the writer's stays typed. */
function ConflictAlert({ data, fields }: { data: PostFull; fields: ReturnType<typeof usePostFields> }) {
  const { t } = useTranslation();
  const conflict = fields.conflict;
  if (!conflict) return null;
  const language = currentLanguage();
  const show = (name: FieldName): string => {
    const value = conflict.theirs[name];
    if (name === 'publishAt') return formatPublishAt(String(value), language, data.client.timezone);
    if (Array.isArray(value)) return value.map((tag) => `#${tag}`).join(' ') || '—';
    return String(value) || '—';
  };
  return (
    <Stack gap="xs">
      <StaleVersionAlert
        current={
          <Stack gap={2} component="span">
            {conflict.names.map((name) => (
              <span key={name}>
                {t(`postEditor.fields.names.${name}`)}: {show(name)}
              </span>
            ))}
          </Stack>
        }
      />
      <Group gap="xs">
        <Button size="xs" onClick={fields.keepMine}>
          {t('stale.saveAgain')}
        </Button>
        <Button size="xs" variant="default" onClick={fields.takeTheirs}>
          {t('postEditor.fields.takeTheirs')}
        </Button>
      </Group>
    </Stack>
  );
}
