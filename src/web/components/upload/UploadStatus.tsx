import { ActionIcon, Progress, Text } from '@mantine/core';
import { IconRefresh, IconX } from '@tabler/icons-react';
import { currentLanguage } from '../../i18n/index.ts';
import { formatSize } from '../../lib/format.ts';
import type { Upload } from './upload.ts';

/** Labels in the screen's own words (fact answers and post assets say it differently). */
export interface UploadWords {
  failed: string;
  waiting: string;
  uploading: (percent: number) => string;
}

/** Under a file's name while it uploads: queued or how far, its size, a bar; or why it failed. */
export function UploadStatus({ upload, words }: { upload: Upload; words: UploadWords }) {
  if (upload.state === 'failed') {
    return (
      <Text size="xs" c="red.9" role="alert">
        {words.failed}: {upload.error}
      </Text>
    );
  }
  return (
    <>
      <Text size="xs" c="dimmed">
        {upload.state === 'waiting' ? words.waiting : words.uploading(upload.progress)} ·{' '}
        {formatSize(upload.file.size, currentLanguage())}
      </Text>
      <Progress
        value={upload.state === 'waiting' ? 0 : upload.progress}
        size="sm"
        mt={4}
        aria-label={upload.file.name}
        animated={upload.state === 'uploading'}
      />
    </>
  );
}

/** Each action's label, naming the file (for screen readers: several rows have the same icons). */
export interface UploadControlWords {
  retry: string;
  dismiss: string;
  cancel: string;
}

/** Try again (when worth it) and cancel, or dismiss a failed one. */
export function UploadControls({
  upload,
  words,
  onRetry,
  onCancel,
}: {
  upload: Upload;
  words: UploadControlWords;
  onRetry: () => void;
  onCancel: () => void;
}) {
  const failed = upload.state === 'failed';
  return (
    <>
      {failed && upload.retryable && (
        <ActionIcon variant="subtle" size="lg" onClick={onRetry} aria-label={words.retry}>
          <IconRefresh size={18} aria-hidden />
        </ActionIcon>
      )}
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        onClick={onCancel}
        aria-label={failed ? words.dismiss : words.cancel}
      >
        <IconX size={18} aria-hidden />
      </ActionIcon>
    </>
  );
}
