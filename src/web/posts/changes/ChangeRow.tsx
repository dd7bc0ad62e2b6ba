import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconShieldCheck, IconSparkles } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PostSummary, UnplannedChange } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { kindColor, urgencyColor } from './changeLabels.ts';

interface Props {
  change: UnplannedChange;
  /** The post it touched, when the list knows it (for its topic's name). */
  post: PostSummary | undefined;
}

/** One unplanned change: when, what kind, how urgent, who asked and why, and what covered it. */
export function ChangeRow({ change: c, post }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Group gap="xs" wrap="wrap">
            <Badge color={kindColor[c.kind]} variant="light" tt="none">
              {t(`changes.kinds.${c.kind}`)}
            </Badge>
            {/* Nobody stated an urgency for a rewrite Plit noticed by itself. */}
            {!c.detected && (
              <Badge color={urgencyColor[c.urgency]} variant="outline" tt="none">
                {t(`changes.urgencyBadges.${c.urgency}`)}
              </Badge>
            )}
            {c.detected && (
              <Badge
                color="gray"
                variant="light"
                tt="none"
                leftSection={<IconSparkles size={12} aria-hidden />}
              >
                {t('changes.detected')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            <time dateTime={c.happenedOn}>{formatLocalDate(c.happenedOn, language)}</time>
          </Text>
        </Group>
        <Subject change={c} post={post} />
        {c.reason && (
          <Text size="sm" className="pre-wrap" style={{ overflowWrap: 'anywhere' }}>
            {c.reason}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {c.detected
            ? t('changes.detectedBy')
            : t('changes.requestedBy', {
                name: c.requesterName,
                side: t(`changes.sidesInText.${c.requesterSide}`),
              })}
          {c.loggedByName && !c.detected && ` · ${t('changes.loggedBy', { name: c.loggedByName })}`}
        </Text>
        {c.covered ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconShieldCheck
              size={18}
              color="var(--mantine-color-teal-7)"
              aria-hidden
              style={{ flexShrink: 0 }}
            />
            <Text size="sm" c="approve.9" style={{ overflowWrap: 'anywhere' }}>
              {t('changes.coveredBy', { concept: c.contingencyConcept ?? '' })}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('changes.notCovered')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** What the change touched: the new or replaced topic, linked to its post. */
function Subject({ change: c, post }: Props) {
  const { t } = useTranslation();
  // A rewrite names no topic itself; the post list may know it (a client's list may not).
  const title =
    c.newTopicTitle ??
    post?.topicTitle ??
    c.oldTopicTitle ??
    (c.postId ? t('changes.openPost') : t('changes.noTopic'));
  const link = c.postId ? (
    <Anchor
      fw={600}
      style={{ overflowWrap: 'anywhere' }}
      renderRoot={(props) => <Link to="/posts/$postId" params={{ postId: c.postId ?? '' }} {...props} />}
    >
      {title}
    </Anchor>
  ) : (
    <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>
      {title}
    </Text>
  );
  if (c.kind === 'replacement' && c.oldTopicTitle) {
    return (
      <Group gap={6} wrap="wrap" align="center">
        <Text span size="sm" c="dimmed" td="line-through" style={{ overflowWrap: 'anywhere' }}>
          {c.oldTopicTitle}
        </Text>
        <IconArrowRight size={16} role="img" aria-label={t('changes.replacedWith')} />
        {link}
      </Group>
    );
  }
  return <div>{link}</div>;
}
