/** Drawing helpers and geometry shared by the PPTX slides. Units are inches, sizes points. */
import pptxgen from 'pptxgenjs';
import { palette } from './deckTheme.ts';

// The package's types describe its CommonJS build, but Node's import loads the ES build, whose
// default export is the class itself.
export const PptxGenJS = pptxgen as unknown as typeof pptxgen.default;
export type Pptx = InstanceType<typeof PptxGenJS>;
export type Slide = ReturnType<Pptx['addSlide']>;
export type Run = Exclude<Parameters<Slide['addText']>[0], string>[number];
type TextOptions = NonNullable<Parameters<Slide['addText']>[1]>;
export type Box = [x: number, y: number, w: number, h: number];

// Arial has Cyrillic on every machine a client opens the deck on (Windows, macOS, Google Slides).
export const font = 'Arial';
export const W = 13.333;
export const H = 7.5;
export const margin = 0.6;
export const barH = 0.8;

/** A text box, top-aligned without insets (pptxgenjs centres text vertically by default). */
export function text(slide: Slide, value: string | Run[], [x, y, w, h]: Box, o: TextOptions = {}) {
  slide.addText(value, { x, y, w, h, fontFace: font, margin: 0, valign: 'top', ...o });
}

export function rect(slide: Slide, [x, y, w, h]: Box, color: string, border?: string) {
  const line = border ? { color: border, width: 0.75 } : { type: 'none' as const };
  slide.addShape('rect', { x, y, w, h, fill: { color }, line });
}

export function footer(slide: Slide, value: string) {
  text(slide, value, [margin, H - 0.45, W - 2 * margin - 1, 0.3], { fontSize: 10, color: palette.faint });
}

/**
 * The height (inches) a text takes in a box `width` inches wide: an estimate from Arial's average
 * Cyrillic letter width (0.53 em bold, 0.49 em regular, measured) plus room lost to word wrapping.
 * PowerPoint applies "shrink on overflow" only once someone edits the box, so sizes are set here.
 */
export function textHeight(value: string, width: number, size: number, bold: boolean, spacing = 1): number {
  const perLine = ((width * 72) / (size * (bold ? 0.55 : 0.51))) * 0.88;
  const lines = value.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
  return (lines * size * 1.2 * spacing) / 72;
}

/** The largest font size from `start` down (not below 10) whose text fits the box. */
export function fitPt(
  value: string,
  [width, height]: [number, number],
  start: number,
  bold: boolean,
  spacing = 1,
) {
  let size = start;
  while (size > 10 && textHeight(value, width, size, bold, spacing) > height) size -= 1;
  return size;
}
