/** The deck's look, shared by the PPTX and PDF renderers so both read as the same document. */

export const palette = {
  night: '0F172A', // title slide background
  bar: '1E293B', // title bar
  ink: '1E293B',
  body: '334155',
  muted: '64748B',
  faint: '94A3B8',
  line: 'E2E8F0',
  soft: 'F8FAFC',
  weekend: 'F1F5F9',
  accent: 'F59E0B', // amber: the deck's own accent where no rubric colour applies
  holiday: 'DC2626',
  white: 'FFFFFF',
} as const;

/** "#3b82f6" → "3B82F6"; anything else falls back to a neutral grey rather than failing the export. */
export function hex(color: string | null | undefined): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(color ?? '');
  return m ? m[1]!.toUpperCase() : palette.faint;
}

/** White or ink, whichever reads better on a rubric colour (WCAG relative luminance). */
export function textOn(color: string): string {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(hex(color).slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.45 ? palette.ink : palette.white;
}

/** Cut text to at most `max` characters at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** A long title gets a smaller size instead of running off the slide: [max length, size] steps. */
export function sizeFor(text: string, steps: ReadonlyArray<readonly [number, number]>): number {
  for (const [length, size] of steps) if (text.length <= length) return size;
  return steps[steps.length - 1]![1];
}

export const titleSteps = [
  [50, 34],
  [90, 28],
  [150, 24],
  [Number.POSITIVE_INFINITY, 20],
] as const;
export const angleSteps = [
  [260, 18],
  [520, 15],
  [Number.POSITIVE_INFINITY, 13],
] as const;
/** Longest angle a topic slide shows; the full text stays in the app. */
export const angleMax = 600;
export const clientNameSteps = [
  [24, 48],
  [40, 40],
  [Number.POSITIVE_INFINITY, 32],
] as const;
