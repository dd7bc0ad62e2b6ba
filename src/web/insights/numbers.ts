import type { Language } from '../i18n/index.ts';

const intlLocale: Record<Language, string> = { uk: 'uk-UA', en: 'en-GB' };

export type NumberKind = 'percent' | 'decimal' | 'count' | 'days';

const formats = new Map<string, Intl.NumberFormat>();
function formatter(language: Language, kind: NumberKind): Intl.NumberFormat {
  const key = `${language}|${kind}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(
      intlLocale[language],
      kind === 'percent'
        ? { style: 'percent', maximumFractionDigits: 0 }
        : kind === 'count'
          ? { maximumFractionDigits: 1 }
          : { minimumFractionDigits: 1, maximumFractionDigits: kind === 'decimal' ? 2 : 1 },
    );
    formats.set(key, found);
  }
  return found;
}

/** A figure as people read it; null (nothing to count) is a dash. */
export function formatFigure(value: number | null | undefined, kind: NumberKind, language: Language): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return formatter(language, kind).format(value);
}
