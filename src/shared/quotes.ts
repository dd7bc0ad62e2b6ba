/**
 * Ukrainian typography nests quotes as «…„…“…»: a title quoted inside a quoted phrase takes
 * the inner pair. Our texts wrap names, titles and notes in «», and those often carry their own
 * «» (a topic «Старт продажів «Ефіопії Гуджі»»), so the nesting can only be fixed on the whole
 * sentence once the values are in: every «» inside another «» becomes „“.
 */
export function unnestQuotes(text: string): string {
  if (!text.includes('«')) return text;
  let depth = 0;
  let out = '';
  for (const char of text) {
    if (char === '«') {
      out += depth === 0 ? '«' : '„';
      depth += 1;
    } else if (char === '»' && depth > 0) {
      depth -= 1;
      out += depth === 0 ? '»' : '“';
    } else {
      out += char;
    }
  }
  return out;
}
