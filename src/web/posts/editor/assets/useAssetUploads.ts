import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../../../shared/api/catalogue.ts';
import type { ResponseOf } from '../../../../shared/api/endpoint.ts';
import { ApiError, NetworkError, type Upload as Sending, uploadFile } from '../../../api/client.ts';
import type { Upload } from '../../../components/upload/upload.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { postKeys } from '../../queries.ts';

let uploadSeq = 0;

/**
 * The files a writer dropped on a post, sent one at a time (a phone's upload is the
 * bottleneck), each with its progress; the post answered by the last one shows at once.
 */
export function useAssetUploads(postId: string, cycleId: string, maxBytes: number) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const current = useRef<{
    key: string;
    handle: Sending<ResponseOf<typeof endpoints.uploadPostAsset>>;
  } | null>(null);

  const reasonOf = useCallback(
    (error: unknown): string => {
      if (error instanceof NetworkError) return t('postEditor.assets.network');
      if (
        error instanceof ApiError &&
        (error.code === 'file_too_large' || error.code === 'payload_too_large')
      ) {
        return t('postEditor.assets.tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) });
      }
      return errorMessage(error, t);
    },
    [t, maxBytes],
  );

  useEffect(() => {
    if (current.current) return;
    const next = uploads.find((u) => u.state === 'waiting');
    if (!next) return;
    const handle = uploadFile(endpoints.uploadPostAsset, { params: { postId } }, next.file, (fraction) =>
      setUploads((list) =>
        list.map((u) => (u.key === next.key ? { ...u, progress: Math.round(fraction * 100) } : u)),
      ),
    );
    current.current = { key: next.key, handle };
    setUploads((list) => list.map((u) => (u.key === next.key ? { ...u, state: 'uploading' } : u)));
    handle.done
      .then((post) => {
        queryClient.setQueryData(postKeys.post(postId), post);
        void queryClient.invalidateQueries({ queryKey: postKeys.list(cycleId) });
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
                  error: reasonOf(error),
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
  }, [uploads, postId, cycleId, queryClient, reasonOf]);

  // Leaving the page stops an upload in progress.
  useEffect(() => () => current.current?.handle.cancel(), []);

  const add = useCallback(
    (files: FileList | File[] | null) => {
      if (!files) return;
      const added = Array.from(files).map((file): Upload => {
        uploadSeq += 1;
        const key = `${uploadSeq}-${file.name}`;
        // Said at once, not after minutes of uploading a file the server will refuse.
        if (maxBytes && file.size > maxBytes) {
          const mb = Math.round(maxBytes / 1024 / 1024);
          return { key, file, progress: 0, state: 'failed', error: t('postEditor.assets.tooLarge', { mb }) };
        }
        return { key, file, progress: 0, state: 'waiting' };
      });
      if (added.length) setUploads((list) => [...list, ...added]);
    },
    [maxBytes, t],
  );

  const cancel = useCallback((key: string) => {
    if (current.current?.key === key) current.current.handle.cancel();
    else setUploads((list) => list.filter((u) => u.key !== key));
  }, []);

  const retry = useCallback(
    (key: string) =>
      setUploads((list) =>
        list.map((u) => (u.key === key ? { ...u, state: 'waiting', progress: 0, error: undefined } : u)),
      ),
    [],
  );

  return { uploads, add, cancel, retry };
}
