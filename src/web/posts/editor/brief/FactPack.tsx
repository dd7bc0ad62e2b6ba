import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBarToLeft, IconDownload, IconFile } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../../../shared/api/catalogue.ts';
import type { PostFull } from '../../../../shared/api/index.ts';
import { urlOf } from '../../../api/client.ts';
import classes from './brief.module.css';

type Fact = PostFull['facts'][number];

interface Props {
  data: PostFull;
  /** Puts a fact's answer into the copy at the writer's cursor; absent when the copy is locked. */
  onInsert: ((text: string) => void) | null;
}

/** A file downloads as an attachment; `preview` shows an image inline instead. */
const fileUrl = (fileId: string, preview = false) =>
  urlOf(endpoints.downloadFactFile, { params: { fileId }, query: preview ? { preview: '1' } : {} });

/** The client's answers about this topic: what the writer drafts the post from. */
export function FactPack({ data, onInsert }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={3} fz="h6">
          {t('postEditor.facts.title')}
        </Title>
        {data.factPackUrl && (
          <Anchor href={data.factPackUrl} size="sm" download>
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={16} aria-hidden />
              {t('postEditor.facts.downloadPack')}
            </Group>
          </Anchor>
        )}
      </Group>
      {data.facts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('postEditor.facts.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" className={classes.plainList}>
          {data.facts.map((fact) => (
            <FactCard key={fact.itemId} fact={fact} onInsert={onInsert} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function FactCard({ fact, onInsert }: { fact: Fact; onInsert: Props['onInsert'] }) {
  const { t } = useTranslation();
  const answer = fact.answer?.trim() ?? '';
  return (
    <Paper component="li" withBorder radius="sm" p="xs" className={classes.fact}>
      <Text size="xs" c="dimmed" className={classes.text}>
        {fact.question}
      </Text>
      {answer ? (
        <Text size="sm" mt={4} className={classes.text}>
          {answer}
        </Text>
      ) : (
        <Text size="sm" mt={4} c="dimmed" fs="italic">
          {t('postEditor.facts.noAnswer')}
        </Text>
      )}
      {fact.files.length > 0 && (
        <Group gap={6} mt={6} component="ul" className={classes.plainList} wrap="wrap">
          {fact.files.map((file) => (
            <li key={file.id}>
              {file.contentType.startsWith('image/') ? (
                <a
                  href={fileUrl(file.id)}
                  download={file.name}
                  className={classes.thumb}
                  aria-label={t('postEditor.facts.downloadFile', { name: file.name })}
                  title={file.name}
                >
                  <img src={fileUrl(file.id, true)} alt="" loading="lazy" width={56} height={56} />
                </a>
              ) : (
                <Anchor
                  href={fileUrl(file.id)}
                  download={file.name}
                  size="xs"
                  className={classes.fileLink}
                  aria-label={t('postEditor.facts.downloadFile', { name: file.name })}
                >
                  <IconFile size={14} aria-hidden /> {file.name}
                </Anchor>
              )}
            </li>
          ))}
        </Group>
      )}
      {answer && onInsert && (
        <Button
          mt={6}
          size="compact-sm"
          variant="light"
          leftSection={<IconArrowBarToLeft size={14} aria-hidden />}
          onClick={() => onInsert(answer)}
          aria-label={t('postEditor.facts.insertLabel', { question: fact.question })}
        >
          {t('postEditor.facts.insert')}
        </Button>
      )}
    </Paper>
  );
}
