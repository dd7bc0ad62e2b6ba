import { Anchor, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FactItemFull } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { linkify } from '../../lib/linkify.tsx';
import { isWebAddress } from './answerForm.ts';
import { FileAnswer } from './FileAnswer.tsx';
import classes from './factAnswer.module.css';

/** A sent answer as it stands: read-only (accepted, or seen by the agency). */
export function ReadOnlyAnswer({
  requestId,
  item,
  questionId,
}: {
  requestId: string;
  item: FactItemFull;
  questionId: string;
}) {
  const { t } = useTranslation();
  const answer = item.answer;
  const files =
    item.kind === 'files' || item.files.length > 0 ? (
      <FileAnswer requestId={requestId} item={item} editable={false} labelledBy={questionId} />
    ) : null;
  if (!answer) {
    return (
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('facts.answer.none')}
        </Text>
        {item.files.length > 0 && files}
      </Stack>
    );
  }
  const body = (() => {
    switch (answer.kind) {
      case 'text':
        return <div className={classes.answerView}>{linkify(answer.text)}</div>;
      case 'link':
        return isWebAddress(answer.url) ? (
          <Anchor
            href={answer.url}
            target="_blank"
            rel="noopener noreferrer"
            style={{ overflowWrap: 'anywhere' }}
          >
            {answer.url} <IconExternalLink size={14} aria-hidden style={{ verticalAlign: 'middle' }} />
          </Anchor>
        ) : (
          <Text style={{ overflowWrap: 'anywhere' }}>{answer.url}</Text>
        );
      case 'date':
        return <Text fw={500}>{formatLocalDate(answer.date, currentLanguage())}</Text>;
      case 'choice':
        return <Text fw={500}>{answer.choice}</Text>;
      case 'files':
        return (
          <Stack gap="xs">
            {files}
            {answer.note && (
              <div className={classes.answerView}>{t('facts.answer.note', { note: answer.note })}</div>
            )}
          </Stack>
        );
      case 'not_available':
        return (
          <Stack gap={4}>
            <Text fw={600}>{t('facts.answer.notAvailable')}</Text>
            <div className={classes.answerView}>{t('facts.answer.reason', { reason: answer.reason })}</div>
          </Stack>
        );
    }
  })();
  return (
    <Stack gap="xs">
      {body}
      {answer.kind !== 'files' && item.files.length > 0 && files}
    </Stack>
  );
}
