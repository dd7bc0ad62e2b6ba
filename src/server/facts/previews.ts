/**
 * Types a browser may show inline as a preview. Only raster images: never HTML or SVG (which
 * can carry script), and those are not accepted as uploads anyway.
 */
const PREVIEWABLE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

export const isPreviewable = (contentType: string) => PREVIEWABLE.has(contentType);
