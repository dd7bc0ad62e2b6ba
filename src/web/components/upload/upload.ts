import { type DragEvent, useState } from 'react';

/** One file on its way up: queued, uploading (with progress), or failed (and why). */
export interface Upload {
  key: string;
  file: File;
  progress: number;
  state: 'waiting' | 'uploading' | 'failed';
  error?: string;
  /** Worth another try (the connection, the server); a refused type or size is not. */
  retryable?: boolean;
}

/**
 * A drop target for files: spread `props` on the box, style it by `data-over` while files hover
 * over it. Dropping hands the files over (choosing them stays a button: keyboards and phones).
 */
export function useFileDrop(onFiles: (files: FileList | null) => void) {
  const [over, setOver] = useState(false);
  return {
    'data-over': over || undefined,
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setOver(false);
      onFiles(event.dataTransfer.files);
    },
  };
}
