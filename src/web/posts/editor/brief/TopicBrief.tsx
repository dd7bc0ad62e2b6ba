import { Badge, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PostFull } from '../../../../shared/api/index.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatMoment } from '../labels.ts';

/** What the post is about: the topic as agreed, and what the meeting decided about it. */
export function TopicBrief({ data }: { data: PostFull }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const topic = data.topic;
  return (
    <Stack gap="sm">
      {topic ? (
        <Stack gap={4}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} fz="h5" style={{ overflowWrap: 'anywhere' }}>
              {topic.title}
            </Title>
            {topic.rubricName && (
              <Badge variant="light" color="grape" tt="none">
                {topic.rubricName}
              </Badge>
            )}
          </Group>
          {topic.angle ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {topic.angle}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('postEditor.brief.noAngle')}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('postEditor.brief.noTopic')}
        </Text>
      )}
      <Stack gap={6}>
        <Title order={3} fz="h6">
          {t('postEditor.brief.decisions')}
        </Title>
        {data.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('postEditor.brief.noDecisions')}
          </Text>
        ) : (
          <List
            spacing={6}
            size="sm"
            icon={
              <ThemeIcon size={20} radius="xl" variant="light" color="indigo">
                <IconGavel size={12} aria-hidden />
              </ThemeIcon>
            }
          >
            {data.decisions.map((decision) => (
              <List.Item key={`${decision.kind}-${decision.createdAt}`}>
                <Text size="sm" fw={600} span>
                  {t(`postEditor.brief.decisionKinds.${decision.kind}`)}
                </Text>
                {decision.note && (
                  <Text size="sm" span style={{ overflowWrap: 'anywhere' }}>
                    {': '}
                    {decision.note}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {[decision.decidedByName, formatMoment(decision.createdAt, language, data.client.timezone)]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}
