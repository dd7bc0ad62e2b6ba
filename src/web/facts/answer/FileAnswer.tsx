import { Anchor, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import {
  IconCamera,
  IconFile,
  IconFileTypePdf,
  IconMovie,
  IconPaperclip,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../../shared/api/catalogue.ts';
import type { ResponseOf } from '../../../shared/api/endpoint.ts';
import type { FactFile, FactItemFull } from '../../../shared/api/index.ts';
import { ApiError, NetworkError, type Upload as Sending, uploadFile, urlOf } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { UploadControls, UploadStatus } from '../../components/upload/UploadStatus.tsx';
import type { Upload } from '../../components/upload/upload.ts';
import { useFileDrop } from '../../components/upload/upload.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage, notifyError } from '../../lib/errors.ts';
import { formatSize } from '../../lib/format.ts';
import { storeFactRequest, useDeleteFactFile } from '../answerMutations.ts';
import { factRequestQuery } from '../queries.ts';
import classes from './factAnswer.module.css';

/** What a phone offers to pick from: photos and videos (camera included), documents. */
export const ACCEPTED_FILES = 'image/*,video/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt,.csv';

let uploadSeq = 0;

interface Props {
  requestId: string;
  item: FactItemFull;
  editable: boolean;
  /** Labels the file inputs and list with the question. */
  labelledBy: string;
}

/** An item's files: thumbnails of images, downloads, and (while answering) uploads with progress. */
export function FileAnswer({ requestId, item, editable, labelledBy }: Props) {
  const { t } = useTranslation();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const queryClient = useQueryClient();
  const maxBytes = useQuery({ ...factRequestQuery(requestId), select: (page) => page.maxUploadBytes }).data;
  const current = useRef<{
    key: string;
    handle: Sending<ResponseOf<typeof endpoints.uploadFactFile>>;
  } | null>(null);

  const uploadError = useCallback(
    (error: unknown): string => {
      if (error instanceof NetworkError) return t('facts.files.network');
      if (error instanceof ApiError) {
        switch (error.code) {
          case 'file_too_large': {
            const mb = /(\d+)\s*MB/.exec(error.message)?.[1];
            return mb ? t('facts.files.tooLarge', { mb }) : t('facts.files.tooLargePlain');
          }
          case 'payload_too_large':
            return t('facts.files.tooLargePlain');
          case 'file_type_not_allowed':
            return t('facts.files.typeNotAllowed');
          case 'file_empty':
            return t('facts.files.empty');
          case 'too_many_files':
            return t('facts.files.tooMany');
        }
      }
      return errorMessage(error, t);
    },
    [t],
  );

  // One file at a time: a phone's upload is the bottleneck, and each answer carries the request.
  useEffect(() => {
    if (current.current) return;
    const next = uploads.find((u) => u.state === 'waiting');
    if (!next) return;
    const handle = uploadFile(
      endpoints.uploadFactFile,
      { params: { itemId: item.id } },
      next.file,
      (fraction) =>
        setUploads((list) =>
          list.map((u) => (u.key === next.key ? { ...u, progress: Math.round(fraction * 100) } : u)),
        ),
    );
    current.current = { key: next.key, handle };
    setUploads((list) => list.map((u) => (u.key === next.key ? { ...u, state: 'uploading' } : u)));
    handle.done
      .then(({ request }) => {
        storeFactRequest(queryClient, request);
        setUploads((list) => list.filter((u) => u.key !== next.key));
      })
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') {
          setUploads((list) => list.filter((u) => u.key !== next.key));
          return;
        }
        setUploads((list) =>
          list.map((u) =>
            u.key === next.key
              ? {
                  ...u,
                  state: 'failed',
                  error: uploadError(error),
                  retryable: !(error instanceof ApiError && error.status < 500),
                }
              : u,
          ),
        );
      })
      .finally(() => {
        current.current = null;
        // Wake the queue for the next file.
        setUploads((list) => [...list]);
      });
  }, [uploads, item.id, queryClient, uploadError]);

  // Leaving the page stops an upload in progress.
  useEffect(() => () => current.current?.handle.cancel(), []);

  const add = (files: FileList | File[] | null) => {
    if (!files) return;
    const added = Array.from(files).map((file): Upload => {
      uploadSeq += 1;
      const key = `${uploadSeq}-${file.name}`;
      // Said at once, not after minutes of uploading a file the server will refuse.
      if (maxBytes && file.size > maxBytes) {
        const mb = Math.round(maxBytes / 1024 / 1024);
        return {
          key,
          file,
          progress: 0,
          state: 'failed',
          error: t('facts.files.tooLarge', { mb }),
          retryable: false,
        };
      }
      return { key, file, progress: 0, state: 'waiting' };
    });
    if (added.length) setUploads((list) => [...list, ...added]);
  };

  const cancel = (key: string) => {
    if (current.current?.key === key) current.current.handle.cancel();
    else setUploads((list) => list.filter((u) => u.key !== key));
  };
  const retry = (key: string) =>
    setUploads((list) =>
      list.map((u) => (u.key === key ? { ...u, state: 'waiting', progress: 0, error: undefined } : u)),
    );

  return (
    <Stack gap="xs">
      {item.files.length > 0 && (
        <Stack gap={6} component="ul" aria-labelledby={labelledBy} className={classes.plainList}>
          {item.files.map((file) => (
            <FileRow key={file.id} requestId={requestId} file={file} editable={editable} />
          ))}
        </Stack>
      )}
      {!editable && item.files.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('facts.files.none')}
        </Text>
      )}
      {uploads.length > 0 && (
        <Stack gap={6} component="ul" className={classes.plainList} aria-live="polite">
          {uploads.map((u) => (
            <UploadRow key={u.key} upload={u} onCancel={() => cancel(u.key)} onRetry={() => retry(u.key)} />
          ))}
        </Stack>
      )}
      {editable && <DropZone onFiles={add} labelledBy={labelledBy} />}
    </Stack>
  );
}

function DropZone({
  onFiles,
  labelledBy,
}: {
  onFiles: (files: FileList | null) => void;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const drop = useFileDrop(onFiles);
  const picker = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const hintId = useId();
  return (
    <Box className={classes.dropzone} {...drop}>
      <Stack gap={8} align="center">
        <Group gap={6} visibleFrom="sm" c="dimmed" wrap="nowrap">
          <IconUpload size={18} aria-hidden />
          <Text size="sm">{t('facts.files.drop')}</Text>
        </Group>
        <Group gap="xs" justify="center" w="100%">
          <Button
            variant="light"
            leftSection={<IconPaperclip size={18} aria-hidden />}
            onClick={() => picker.current?.click()}
            aria-describedby={`${labelledBy} ${hintId}`}
            className={classes.fileButton}
          >
            {t('facts.files.choose')}
          </Button>
          <Button
            variant="light"
            hiddenFrom="sm"
            leftSection={<IconCamera size={18} aria-hidden />}
            onClick={() => camera.current?.click()}
            aria-describedby={`${labelledBy} ${hintId}`}
            className={classes.fileButton}
          >
            {t('facts.files.camera')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" id={hintId} ta="center">
          {t('facts.files.hint')}
        </Text>
      </Stack>
      <input
        ref={picker}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        hidden
        tabIndex={-1}
        aria-hidden
        onChange={(event) => {
          onFiles(event.currentTarget.files);
          event.currentTarget.value = '';
        }}
      />
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        tabIndex={-1}
        aria-hidden
        onChange={(event) => {
          onFiles(event.currentTarget.files);
          event.currentTarget.value = '';
        }}
      />
    </Box>
  );
}

function FileIcon({ contentType }: { contentType: string }) {
  if (contentType === 'application/pdf') return <IconFileTypePdf size={22} aria-hidden />;
  if (contentType.startsWith('video/')) return <IconMovie size={22} aria-hidden />;
  return <IconFile size={22} aria-hidden />;
}

function FileRow({ requestId, file, editable }: { requestId: string; file: FactFile; editable: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const remove = useDeleteFactFile(requestId);
  const href = urlOf(endpoints.downloadFactFile, { params: { fileId: file.id } });
  const preview = urlOf(endpoints.downloadFactFile, { params: { fileId: file.id }, query: { preview: '1' } });
  return (
    <Paper component="li" withBorder radius="sm" p={6} className={classes.fileRow}>
      <Group gap="sm" wrap="nowrap" align="center">
        {file.previewable ? (
          <a
            href={preview}
            target="_blank"
            rel="noopener"
            className={classes.thumb}
            aria-label={t('facts.files.preview', { name: file.name })}
          >
            <img src={preview} alt="" loading="lazy" width={48} height={48} />
          </a>
        ) : (
          <Box className={classes.thumb} aria-hidden>
            <FileIcon contentType={file.contentType} />
          </Box>
        )}
        <Box miw={0} style={{ flex: 1 }}>
          <Anchor
            href={href}
            download={file.name}
            size="sm"
            fw={500}
            className={classes.fileName}
            aria-label={t('facts.files.download', { name: file.name })}
          >
            {file.name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate="end">
            {file.uploadedBy
              ? t('facts.files.by', { size: formatSize(file.size, language), name: file.uploadedBy.name })
              : formatSize(file.size, language)}
          </Text>
        </Box>
        {editable && (
          <ConfirmButton
            label={t('facts.files.remove', { name: file.name })}
            icon={<IconTrash size={18} aria-hidden />}
            title={t('facts.files.removeConfirm')}
            message={file.name}
            confirmLabel={t('common.delete')}
            loading={remove.isPending}
            size="md"
            px={10}
            onConfirm={() =>
              remove.mutateAsync(file.id).catch((error: unknown) => {
                notifyError(error, t);
                throw error;
              })
            }
          />
        )}
      </Group>
    </Paper>
  );
}

function UploadRow({
  upload,
  onCancel,
  onRetry,
}: {
  upload: Upload;
  onCancel: () => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const failed = upload.state === 'failed';
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      p={6}
      className={classes.fileRow}
      data-failed={failed || undefined}
    >
      <Group gap="sm" wrap="nowrap" align="center">
        <Box className={classes.thumb} aria-hidden>
          <FileIcon contentType={upload.file.type} />
        </Box>
        <Box miw={0} style={{ flex: 1 }}>
          <Text size="sm" fw={500} className={classes.fileName}>
            {upload.file.name}
          </Text>
          <UploadStatus
            upload={upload}
            words={{
              failed: t('facts.files.failed'),
              waiting: t('facts.files.waiting'),
              uploading: (percent) => t('facts.files.uploading', { percent }),
            }}
          />
        </Box>
        <UploadControls
          upload={upload}
          onRetry={onRetry}
          onCancel={onCancel}
          words={{
            retry: `${t('facts.files.retry')}: ${upload.file.name}`,
            dismiss: `${t('facts.files.dismiss')}: ${upload.file.name}`,
            cancel: t('facts.files.cancel', { name: upload.file.name }),
          }}
        />
      </Group>
    </Paper>
  );
}
