import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostVersion } from '../../../shared/api/index.ts';
import { diffStats, diffWords } from '../../../shared/posts/diff.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { publishLabel } from '../list/postTime.ts';
import { DiffText } from './DiffText.tsx';

interface Props {
  version: PostVersion;
  previous: PostVersion | null;
  timeZone: string;
}

/** A text field's change, as a diff under its name; nothing when it did not change. */
function FieldDiff({ label, before, after }: { label: string; before: string; after: string }) {
  if (before === after) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <DiffText parts={diffWords(before, after)} />
    </div>
  );
}

/**
 * What changed from the version before: the copy word by word, then the brief, hashtags, link,
 * first comment, files and publish time, each only when it changed. The first version is shown
 * whole.
 */
export function VersionChanges({ version, previous, timeZone }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!previous) {
    return (
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('postReview.history.copy')}
        </Text>
        <DiffText parts={[{ kind: 'same', text: version.copyText || '—' }]} />
      </Stack>
    );
  }
  const copy = diffWords(previous.copyText, version.copyText);
  const stats = diffStats(copy);
  const addedTags = version.hashtags.filter((h) => !previous.hashtags.includes(h));
  const removedTags = previous.hashtags.filter((h) => !version.hashtags.includes(h));
  const addedFiles = version.assets.filter((a) => !previous.assets.some((p) => p.id === a.id));
  const removedFiles = previous.assets.filter((a) => !version.assets.some((v) => v.id === a.id));
  const moved = previous.publishAt !== version.publishAt;
  const copyChanged = previous.copyText !== version.copyText;
  const nothing =
    !copyChanged &&
    previous.visualBrief === version.visualBrief &&
    previous.firstComment === version.firstComment &&
    previous.link === version.link &&
    addedTags.length + removedTags.length + addedFiles.length + removedFiles.length === 0 &&
    !moved;

  return (
    <Stack gap="xs">
      {nothing && (
        <Text size="sm" c="dimmed">
          {t('postReview.history.noChanges')}
        </Text>
      )}
      {copyChanged && (
        <div>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {t('postReview.history.copy')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('postReview.history.stats', {
                added: t('postReview.history.words', { count: stats.added }),
                removed: t('postReview.history.words', { count: stats.removed }),
              })}
            </Text>
          </Group>
          <DiffText parts={copy} />
        </div>
      )}
      <FieldDiff
        label={t('postReview.visual.brief')}
        before={previous.visualBrief}
        after={version.visualBrief}
      />
      <FieldDiff
        label={t('postReview.extras.firstComment')}
        before={previous.firstComment}
        after={version.firstComment}
      />
      <FieldDiff label={t('postReview.extras.link')} before={previous.link} after={version.link} />
      {addedTags.length + removedTags.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('postReview.extras.hashtags')}
          </Text>
          <Group gap={4} wrap="wrap">
            {addedTags.map((tag) => (
              <Badge key={`+${tag}`} color="green" variant="light" tt="none">
                <ins style={{ textDecoration: 'none' }}>
                  + #{tag}
                  <span className="visually-hidden"> ({t('postReview.history.added')})</span>
                </ins>
              </Badge>
            ))}
            {removedTags.map((tag) => (
              <Badge key={`-${tag}`} color="red" variant="light" tt="none">
                <del>
                  − #{tag}
                  <span className="visually-hidden"> ({t('postReview.history.removed')})</span>
                </del>
              </Badge>
            ))}
          </Group>
        </div>
      )}
      {addedFiles.length + removedFiles.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('postReview.history.files')}
          </Text>
          <List size="sm" spacing={2}>
            {addedFiles.map((a) => (
              <List.Item key={a.id} style={{ overflowWrap: 'anywhere' }}>
                {t('postReview.history.fileAdded', { name: a.name })}
              </List.Item>
            ))}
            {removedFiles.map((a) => (
              <List.Item key={a.id} style={{ overflowWrap: 'anywhere' }}>
                {t('postReview.history.fileRemoved', { name: a.name })}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {moved && (
        <Text size="sm">
          {t('postReview.history.moved', {
            from: publishLabel(previous.publishAt, timeZone, language),
            to: publishLabel(version.publishAt, timeZone, language),
          })}
        </Text>
      )}
    </Stack>
  );
}
