import { Alert, Badge, Button, Code, FileInput, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { formatMonth } from '../lib/dates.ts';
import { notifyError, notifySuccess } from '../lib/errors.ts';
import { type HistoryPreview, useImportHistory } from './historyImport.ts';

const MAX_BYTES = 2 * 1024 * 1024;

/** Months before Plit from the agency's spreadsheet, so "before" has numbers to compare with. */
export function HistoryImportModal({
  clientId,
  opened,
  onClose,
}: {
  clientId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('insights.history.title')} size="xl" centered>
      {opened && <HistoryImport clientId={clientId} onDone={onClose} />}
    </Modal>
  );
}

function HistoryImport({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const run = useImportHistory(clientId);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<HistoryPreview | null>(null);

  // The file is checked as soon as it is picked; importing is a second, deliberate step.
  const check = (picked: File | null) => {
    setFile(picked);
    setPreview(null);
    if (!picked) return;
    if (picked.size > MAX_BYTES) {
      notifications.show({ color: 'red', title: t('errors.title'), message: t('insights.history.tooLarge') });
      return;
    }
    run.mutate({ file: picked, dryRun: true }, { onSuccess: setPreview, onError: (e) => notifyError(e, t) });
  };

  const importAll = () => {
    if (!file) return;
    run.mutate(
      { file, dryRun: false },
      {
        onSuccess: (result) => {
          // A file with any error imports nothing; the answer is then a fresh preview.
          if (result.imported === undefined) {
            setPreview(result);
            return;
          }
          notifySuccess(t('insights.history.done', { count: result.imported }));
          onDone();
        },
        onError: (e) => notifyError(e, t),
      },
    );
  };

  const headings = [
    t('insights.history.line'),
    t('insights.table.month'),
    t('insights.figures.postsPlanned.label'),
    t('insights.figures.postsPublished.label'),
    t('insights.figures.postsApproved.label'),
    t('insights.history.firstRound'),
    t('insights.figures.revisionRounds.label'),
    t('insights.figures.situational.label'),
    t('insights.figures.replacements.label'),
    t('insights.figures.rewrites.label'),
  ];

  return (
    <Stack gap="md">
      <Text size="sm">{t('insights.history.hint')}</Text>
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {t('insights.history.example')}
      </Code>
      <Text size="xs" c="dimmed">
        {t('insights.history.keepsOnly')}
      </Text>
      <FileInput
        label={t('insights.history.file')}
        placeholder={t('insights.history.choose')}
        accept=".csv,text/csv"
        value={file}
        onChange={check}
        leftSection={<IconFileTypeCsv size={16} aria-hidden />}
        clearable
        clearButtonProps={{ 'aria-label': t('insights.history.clear') }}
        maw={420}
      />
      {run.isPending && !preview && <Text size="sm">{t('insights.history.checking')}</Text>}
      {preview && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light" color="teal" tt="none">
              {t('insights.history.rowsOk', { count: preview.rows.length })}
            </Badge>
            {preview.errors.length > 0 && (
              <Badge variant="light" color="red" tt="none">
                {t('insights.history.rowsFailed', { count: preview.errors.length })}
              </Badge>
            )}
          </Group>
          {preview.errors.length > 0 && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle />}
              title={t('insights.history.errorsTitle')}
            >
              <List size="sm" spacing={2}>
                {preview.errors.map((e) => (
                  <List.Item key={`${e.line}-${e.column ?? ''}-${e.message}`}>
                    {e.column !== undefined
                      ? t('insights.history.errorAtColumn', {
                          line: e.line,
                          column: e.column,
                          message: e.message,
                        })
                      : t('insights.history.errorAt', { line: e.line, message: e.message })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {preview.rows.length > 0 && (
            <Table.ScrollContainer
              minWidth={760}
              maxHeight={320}
              type="native"
              // Keyboard users can scroll the preview: it holds nothing else to focus.
              tabIndex={0}
              role="region"
              aria-label={t('insights.history.preview')}
            >
              <Table striped verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    {headings.map((h) => (
                      <Table.Th key={h}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMonth(row.month, language)}</Table.Td>
                      <Table.Td>{row.postsPlanned}</Table.Td>
                      <Table.Td>{row.postsPublished}</Table.Td>
                      <Table.Td>{row.postsApproved}</Table.Td>
                      <Table.Td>{row.approvedFirstRound}</Table.Td>
                      <Table.Td>{row.revisionRounds}</Table.Td>
                      <Table.Td>{row.situational}</Table.Td>
                      <Table.Td>{row.replacements}</Table.Td>
                      <Table.Td>{row.rewrites}</Table.Td>
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
          {t('insights.history.submit', { count: preview?.rows.length ?? 0 })}
        </Button>
      </Group>
    </Stack>
  );
}
