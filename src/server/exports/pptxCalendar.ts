/** The month's schedule as a PowerPoint table: weekday headers, one row per week. */
import { type SlideOf, weekLines } from './deckModel.ts';
import { clip, hex, palette } from './deckTheme.ts';
import { barH, font, H, margin, type Run, type Slide, text, W } from './pptxKit.ts';

const left = 0.45;
const colW = (W - 2 * left) / 7;
const top = barH + 0.2;
const headerH = 0.32;
const gridH = H - 0.75 - top - headerH;

export function drawCalendar(slide: Slide, s: SlideOf<'calendar'>) {
  // Rows share the height by their line count. A light month gets bigger type, and a title gets
  // as many characters as its share of the row holds: PowerPoint grows a row that overflows,
  // which would push the grid off the slide, so the text is sized to fit rather than trusted to.
  const perLine = (gridH * 72) / s.weeks.reduce((sum, w) => sum + weekLines(w), 0); // points
  const k = Math.min(1.3, Math.max(1, perLine / 11));
  const titleLines = Math.min(3, Math.max(1, Math.floor((3 * perLine - 8 * k - 3) / (9.6 * k))));
  const titleMax = Math.floor(titleLines * (((colW - 0.12) * 72) / (8 * k * 0.55)) * 0.8);

  const header = s.weekdays.map((d, i) => ({
    text: d,
    options: {
      bold: true,
      fontSize: 10,
      align: 'center' as const,
      valign: 'middle' as const,
      color: i >= 5 ? palette.muted : palette.ink,
      fill: { color: palette.weekend },
    },
  }));
  const rows = s.weeks.map((week) =>
    week.map((day) => {
      if (!day) return { text: '', options: { fill: { color: 'EEF2F6' } } };
      const dayColor = day.holiday ? palette.holiday : palette.ink;
      const runs: Run[] = [
        { text: String(day.day), options: { bold: true, fontSize: 10 * k, color: dayColor } },
      ];
      if (day.holiday)
        runs.push({ text: `  ${clip(day.holiday, 24)}`, options: { fontSize: 6.5 * k, color: dayColor } });
      runs.at(-1)!.options!.breakLine = true;
      for (const e of day.entries) {
        const dot = e.color ? hex(e.color) : palette.line;
        const titleColor = e.free ? palette.faint : palette.ink;
        runs.push(
          { text: '● ', options: { fontSize: 6.5, color: dot, paraSpaceBefore: 3 } },
          // The meta line stays small so time, network and format fit on one line in any month.
          {
            text: `${e.time} · ${e.network} · ${e.format}`,
            options: { fontSize: 6.5, color: palette.muted, breakLine: true },
          },
          {
            text: clip(e.title, titleMax),
            options: { fontSize: 8 * k, color: titleColor, bold: !e.free, breakLine: true },
          },
        );
      }
      if (day.more)
        runs.push({ text: day.more, options: { fontSize: 7 * k, color: palette.muted, italic: true } });
      return { text: runs, options: { fill: { color: day.weekend ? palette.soft : palette.white } } };
    }),
  );
  slide.addTable([header, ...rows], {
    x: left,
    y: top,
    w: W - 2 * left,
    colW: Array.from({ length: 7 }, () => colW),
    rowH: [headerH, ...s.weeks.map((w) => (weekLines(w) * perLine) / 72)],
    fontFace: font,
    valign: 'top',
    margin: [0.04, 0.06, 0.04, 0.06],
    border: { type: 'solid', pt: 0.75, color: palette.line },
  });

  const legend: Run[] = s.legend.flatMap((r) => [
    { text: '● ', options: { color: hex(r.color), fontSize: 12 } },
    { text: `${clip(r.name, 24)}     `, options: { color: palette.body, fontSize: 10 } },
  ]);
  legend.push({ text: s.note, options: { color: palette.faint, fontSize: 10 } });
  text(slide, legend, [margin, H - 0.5, W - 2 * margin - 1, 0.4], { valign: 'middle' });
}
