import { Anchor, Badge, Box, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconBan, IconDownload, IconExternalLink, IconFile } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../../shared/api/catalogue.ts';
import type { FactAnswer, FactFile, FactItemFull } from '../../../shared/api/index.ts';
import { urlOf } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { linkify } from '../../lib/linkify.tsx';
import classes from './factReview.module.css';
import { fileSize } from './labels.tsx';

const isWebAddress = (url: string) => /^https?:\/\//i.test(url.trim());
const isLocalDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);
/** A file downloads as an attachment; `preview` shows an image inline instead. */
const fileUrl = (fileId: string, preview = false) =>
  urlOf(endpoints.downloadFactFile, { params: { fileId }, query: preview ? { preview: '1' } : {} });

/** What the client answered, as its kind reads best; files follow whatever the kind. */
export function ClientAnswerView({ item }: { item: FactItemFull }) {
  const { t } = useTranslation();
  if (!item.answer && item.files.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('factReview.answer.none')}
      </Text>
    );
  }
  return (
    <Box className={classes.answer}>
      {item.answer && <AnswerBody answer={item.answer} />}
      {item.files.length > 0 && <FileList files={item.files} />}
    </Box>
  );
}

function AnswerBody({ answer }: { answer: FactAnswer }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const wrap = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;
  switch (answer.kind) {
    case 'text':
      return (
        <Text size="sm" style={wrap}>
          {linkify(answer.text)}
        </Text>
      );
    case 'link':
      return isWebAddress(answer.url) ? (
        <Anchor
          href={answer.url.trim()}
          target="_blank"
          rel="noopener noreferrer"
          size="sm"
          style={{ overflowWrap: 'anywhere', display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          {answer.url.trim()}
          <IconExternalLink size={14} aria-hidden style={{ flexShrink: 0 }} />
          <span className="visually-hidden">{t('factReview.answer.newTab')}</span>
        </Anchor>
      ) : (
        <Text size="sm" style={wrap}>
          {answer.url}
        </Text>
      );
    case 'date':
      return (
        <Text size="sm" fw={500}>
          {isLocalDate(answer.date) ? formatLocalDate(answer.date, language) : answer.date}
        </Text>
      );
    case 'choice':
      return (
        <Group gap={6}>
          <Text size="sm">{t('factReview.answer.chosen')}</Text>
          <Badge variant="light" color="indigo" tt="none" style={{ maxWidth: '100%' }}>
            {answer.choice}
          </Badge>
        </Group>
      );
    case 'files':
      return answer.note ? (
        <Text size="sm" style={wrap}>
          {linkify(answer.note)}
        </Text>
      ) : null;
    case 'not_available':
      return (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconBan
            size={16}
            color="var(--mantine-color-orange-7)"
            aria-hidden
            style={{ flexShrink: 0, marginTop: 2 }}
          />
          <Text size="sm" style={wrap}>
            <strong>{t('factReview.answer.notAvailable')}</strong> {answer.reason}
          </Text>
        </Group>
      );
  }
}

/** Images as thumbnails, everything else as a named download. */
function FileList({ files }: { files: FactFile[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const images = files.filter((f) => f.previewable);
  const others = files.filter((f) => !f.previewable);
  return (
    <>
      {images.length > 0 && (
        <ul className={classes.thumbs} aria-label={t('factReview.answer.images')}>
          {images.map((f) => (
            <li key={f.id}>
              <UnstyledButton
                component="a"
                href={fileUrl(f.id)}
                download={f.name}
                className={classes.thumb}
                aria-label={t('factReview.answer.download', {
                  name: f.name,
                  size: fileSize(f.size, language),
                })}
                title={f.name}
              >
                <img src={fileUrl(f.id, true)} alt="" loading="lazy" />
              </UnstyledButton>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <ul className={classes.files}>
          {others.map((f) => (
            <li key={f.id}>
              <Paper withBorder radius="sm" px="xs" py={4}>
                <Group gap={6} wrap="nowrap">
                  <IconFile size={16} aria-hidden style={{ flexShrink: 0 }} />
                  <Anchor
                    href={fileUrl(f.id)}
                    download={f.name}
                    size="sm"
                    style={{ overflowWrap: 'anywhere' }}
                    aria-label={t('factReview.answer.download', {
                      name: f.name,
                      size: fileSize(f.size, language),
                    })}
                  >
                    {f.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {fileSize(f.size, language)}
                  </Text>
                  <IconDownload size={14} aria-hidden style={{ flexShrink: 0 }} />
                </Group>
              </Paper>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
