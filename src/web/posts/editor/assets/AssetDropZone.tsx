import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileDrop } from '../../../components/upload/upload.ts';
import classes from './assets.module.css';

/** What a post is made of: photos, videos, layouts (PDF), design files as images. */
const ACCEPTED = 'image/*,video/*,application/pdf';

/** Drop files here, or choose them (the keyboard and phone way). */
export function AssetDropZone({
  onFiles,
  labelledBy,
}: {
  onFiles: (files: FileList | null) => void;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const drop = useFileDrop(onFiles);
  const picker = useRef<HTMLInputElement>(null);
  const hintId = useId();
  return (
    <Box className={classes.dropzone} {...drop}>
      <Stack gap={8} align="center">
        <Group gap={6} visibleFrom="sm" c="dimmed" wrap="nowrap">
          <IconUpload size={18} aria-hidden />
          <Text size="sm">{t('postEditor.assets.drop')}</Text>
        </Group>
        <Button
          variant="light"
          leftSection={<IconPaperclip size={18} aria-hidden />}
          onClick={() => picker.current?.click()}
          aria-describedby={`${labelledBy} ${hintId}`}
          className={classes.fileButton}
        >
          {t('postEditor.assets.choose')}
        </Button>
        <Text size="xs" c="dimmed" id={hintId} ta="center">
          {t('postEditor.assets.hint')}
        </Text>
      </Stack>
      <input
        ref={picker}
        type="file"
        multiple
        accept={ACCEPTED}
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
