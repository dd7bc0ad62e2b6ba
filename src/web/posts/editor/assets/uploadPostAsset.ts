import type { PostFull } from '../../../../shared/api/index.ts';
import { ApiError, NetworkError } from '../../../api/client.ts';

export interface AssetUpload {
  done: Promise<PostFull>;
  cancel: () => void;
}

/**
 * Sends one file to a post (multipart field "file") with XMLHttpRequest, which, unlike fetch,
 * reports the upload's progress. Answers the whole post; rejects with ApiError (413, 415…),
 * NetworkError, or an AbortError when cancelled.
 */
export function uploadPostAsset(
  postId: string,
  file: File,
  onProgress: (fraction: number) => void,
): AssetUpload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<PostFull>((resolve, reject) => {
    xhr.open('POST', `/api/posts/${postId}/assets`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && isPost(body)) {
        resolve(body);
        return;
      }
      const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      reject(
        new ApiError(
          xhr.status,
          error && typeof error.code === 'string'
            ? { code: error.code, message: typeof error.message === 'string' ? error.message : '' }
            : { code: xhr.status === 413 ? 'file_too_large' : 'unknown', message: xhr.responseText },
        ),
      );
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}

const isPost = (body: unknown): body is PostFull =>
  typeof body === 'object' && body !== null && 'post' in body && 'permissions' in body;

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
