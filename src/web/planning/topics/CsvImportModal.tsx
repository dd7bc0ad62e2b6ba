import { Alert, Badge, Button, FileInput, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopicImportResult } from '../../../shared/api/index.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatLocalDate } from '../../lib/dates.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { useImportTopics } from '../mutations.ts';
import { usePlanData } from '../PlanContext.tsx';

const MAX_BYTES = 2 * 1024 * 1024;

/** The server's messages start with their line; the table already says which line. */
const withoutLine = (message: string) => message.replace(/^Line \d+:\s*/, '');

/**
 * Topics from a spreadsheet: the file goes to a dry run first (detected encoding, a preview,
 * errors per row), and only then is imported.
 */
export function CsvImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('import.title')} size="xl" centered>
      {opened && <CsvImport onDone={onClose} />}
    </Modal>
  );
}

function CsvImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { cycle, rubricById } = usePlanData();
  const run = useImportTopics(cycle.id);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TopicImportResult | null>(null);
  const [dragging, setDragging] = useState(false);

  const check = (picked: File | null) => {
    setFile(picked);
    setPreview(null);
    if (!picked) return;
    if (picked.size > MAX_BYTES) {
      notifications.show({ color: 'red', title: t('errors.title'), message: t('import.tooLarge') });
      return;
    }
    run.mutate(
      { file: picked, dryRun: true },
      { onSuccess: setPreview, onError: (error) => notifyError(error, t) },
    );
  };

  const importAll = () => {
    if (!file) return;
    run.mutate(
      { file, dryRun: false },
      {
        onSuccess: (result) => {
          // Nothing is imported while any row has an error; the answer is a new preview then.
          if (result.created === undefined) {
            setPreview(result);
            return;
          }
          notifySuccess(t('import.done', { count: result.created }));
          onDone();
        },
        onError: (error) => notifyError(error, t),
      },
    );
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) check(dropped);
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('import.hint')}</Text>
      <section
        aria-label={t('import.dropZone')}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          border: `2px dashed var(--mantine-color-${dragging ? 'indigo-6' : 'gray-4'})`,
          borderRadius: 'var(--mantine-radius-md)',
          padding: 'var(--mantine-spacing-lg)',
          background: dragging ? 'var(--mantine-color-indigo-0)' : undefined,
        }}
      >
        <Stack align="center" gap="xs">
          <IconUpload size={28} aria-hidden />
          <Text size="sm">{t('import.dropHere')}</Text>
          <FileInput
            w="100%"
            maw={360}
            label={t('import.file')}
            placeholder={t('import.choose')}
            accept=".csv,text/csv"
            value={file}
            onChange={check}
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            clearable
          />
        </Stack>
      </section>
      {run.isPending && !preview && <Text size="sm">{t('import.checking')}</Text>}
      {preview && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light" color="gray" tt="none">
              {t('import.encoding', { encoding: preview.encoding })}
            </Badge>
            <Badge variant="light" color="teal" tt="none">
              {t('import.rowsOk', { count: preview.rows.length })}
            </Badge>
            {preview.errors.length > 0 && (
              <Badge variant="light" color="red" tt="none">
                {t('import.rowsFailed', { count: preview.errors.length })}
              </Badge>
            )}
          </Group>
          {preview.errors.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('import.errorsTitle')}>
              <List size="sm" spacing={2}>
                {preview.errors.map((e) => (
                  <List.Item key={`${e.line}-${e.column ?? ''}-${e.message}`}>
                    {e.column
                      ? t('import.errorAtColumn', {
                          line: e.line,
                          column: e.column,
                          message: withoutLine(e.message),
                        })
                      : t('import.errorAt', { line: e.line, message: withoutLine(e.message) })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {preview.rows.length > 0 && (
            <Table.ScrollContainer minWidth={560} mah={320}>
              <Table striped verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.line')}</Table.Th>
                    <Table.Th>{t('topics.fields.title')}</Table.Th>
                    <Table.Th>{t('topics.fields.angle')}</Table.Th>
                    <Table.Th>{t('topics.fields.rubric')}</Table.Th>
                    <Table.Th>{t('schedule.fields.date')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.title}</Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2}>
                          {row.angle}
                        </Text>
                      </Table.Td>
                      <Table.Td>{row.rubricId ? (rubricById.get(row.rubricId)?.name ?? '—') : '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {row.date ? formatLocalDate(row.date, language) : '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={importAll}
          disabled={!preview || preview.rows.length === 0 || preview.errors.length > 0}
          loading={run.isPending && Boolean(preview)}
        >
          {t('import.submit', { count: preview?.rows.length ?? 0 })}
        </Button>
      </Group>
    </Stack>
  );
}
