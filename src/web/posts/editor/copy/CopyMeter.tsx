import { Group, List, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PostProblem } from '../../../../shared/posts/limits.ts';
import { networkRules } from '../../../../shared/posts/limits.ts';
import type { Network } from '../../../../shared/roles.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatCount } from '../labels.ts';

interface Props {
  id: string;
  network: Network;
  hasMedia: boolean;
  check: { length: number; limit: number; problems: PostProblem[] };
}

/** "1 980 / 2 200" as the writer types, and what the network would refuse or spoil. */
export function CopyMeter({ id, network, hasMedia, check }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const over = check.length > check.limit;
  const share = Math.min(100, (check.length / check.limit) * 100);
  const rules = networkRules[network];
  const networkName = t(`networks.${network}`);
  return (
    <Stack gap={6} id={id}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="center">
        <Text size="xs" c="dimmed" style={{ flex: 1, minWidth: 0 }}>
          {network === 'x'
            ? t('postEditor.meter.xWeighted')
            : hasMedia && rules.copyWithMedia
              ? t('postEditor.meter.withMedia', {
                  network: networkName,
                  limit: formatCount(check.limit, language),
                })
              : t('postEditor.meter.withHashtags')}
        </Text>
        <Text
          size="sm"
          fw={600}
          c={over ? 'red.8' : undefined}
          style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
          aria-label={t('postEditor.meter.label', {
            length: formatCount(check.length, language),
            limit: formatCount(check.limit, language),
          })}
        >
          {formatCount(check.length, language)} / {formatCount(check.limit, language)}
        </Text>
      </Group>
      <Progress value={share} size="xs" color={over ? 'red' : share > 90 ? 'orange' : 'indigo'} aria-hidden />
      <div aria-live="polite">
        {check.problems.length > 0 && (
          <List
            size="sm"
            spacing={4}
            icon={<IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden />}
          >
            {check.problems.map((problem) => (
              <List.Item key={problem.code}>{problemText(problem, networkName, language, t)}</List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}

/** A problem said in the writer's words, with the network's name and numbers. */
export function problemText(
  problem: PostProblem,
  network: string,
  language: ReturnType<typeof currentLanguage>,
  t: TFunction,
): string {
  switch (problem.code) {
    case 'copy_too_long':
      return t('postEditor.problems.copy_too_long', {
        count: problem.length - problem.limit,
        network,
        limit: formatCount(problem.limit, language),
      });
    case 'too_many_hashtags':
      return t('postEditor.problems.too_many_hashtags', {
        count: problem.count,
        network,
        limit: problem.limit,
      });
    case 'first_comment_unsupported':
      return t('postEditor.problems.first_comment_unsupported', { network });
    case 'links_not_clickable':
      return t('postEditor.problems.links_not_clickable', { network });
  }
}
