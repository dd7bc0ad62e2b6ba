import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { summaryText } from '../../src/server/exports/summaryText.ts';
import { waitingEmail } from '../../src/server/mail/templates.ts';
import { unnestQuotes } from '../../src/shared/quotes.ts';
import { quotesPostProcessor } from '../../src/web/i18n/quotesPostProcessor.ts';
import { uk } from '../../src/web/i18n/uk.ts';

/**
 * Issue 17.8: the Ukrainian texts read as a native marketing lead writes them. This guard scans
 * every Ukrainian string a person reads: the web's resources (errors included) and the Ukrainian
 * side of the emails and downloads the server writes.
 */

/** Server files with Ukrainian text: every literal with a Cyrillic letter in it is checked. */
const serverFiles = [
  'src/server/mail/templates.ts',
  'src/server/exports/summaryText.ts',
  'src/server/exports/deckText.ts',
  'src/server/facts/packWords.ts',
  'src/server/insights/words.ts',
  // Holiday and notable day names the calendar shows (issue 18.4).
  'src/server/planning/calendars/ua.ts',
];

/** Stands for an interpolated value: neutral, so it adds no quote, letter or word of its own. */
const HOLE = '⟨…⟩';

interface Text {
  where: string;
  text: string;
}

function* resourceTexts(node: unknown, path: string): Generator<Text> {
  if (typeof node === 'string') {
    yield { where: `uk.${path}`, text: node };
    return;
  }
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    yield* resourceTexts(value, path ? `${path}.${key}` : key);
  }
}

/** `${input.agencyName}` reads as {{input.agencyName}}, so the rules on names see it; anything else is a hole. */
const hole = (expression: ts.Expression) =>
  ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression)
    ? `{{${expression.getText()}}}`
    : HOLE;

/**
 * The Ukrainian literals of a source file. A template's `${…}` becomes a hole; a template nested
 * inside one is a literal of its own. A bilingual line ("Підсумки · Summary: …") is checked only
 * in its Ukrainian segments.
 */
function sourceTexts(file: string): Text[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Text[] = [];
  const visit = (node: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text =
        node.head.text + node.templateSpans.map((span) => hole(span.expression) + span.literal.text).join('');
    if (text !== null && /\p{Script=Cyrillic}/u.test(text)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      for (const segment of text.split(' · '))
        if (/\p{Script=Cyrillic}/u.test(segment)) found.push({ where: `${file}:${line}`, text: segment });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const texts: Text[] = [...resourceTexts(uk, ''), ...serverFiles.flatMap(sourceTexts)];

/** i18next's placeholders, nesting and <1>…</1> tags are the code's, not words a person reads. */
const withoutMarkup = (text: string) =>
  text
    .replace(/\{\{[^}]*\}\}/g, HOLE)
    .replace(/\$t\([^)]*\)/g, HOLE)
    .replace(/<\/?\d+>/g, ' ');

/** Words other than «коло правок» that name a revision round. */
const OLD_ROUND =
  /раунд|ітераці|(коло|кола|колі|кіл|колом) (редагування|змін(?!\p{L})|ревізі)|цикл\S* правок|круг\S* правок/iu;

/**
 * Latin words a Ukrainian reader expects: the product, networks and tools by their own names,
 * keys as printed on a keyboard, file formats and encodings.
 */
const LATIN_ALLOWED = new Set([
  'Plit',
  'Instagram',
  'Facebook',
  'TikTok',
  'Telegram',
  'LinkedIn',
  'YouTube',
  'Threads',
  'Pinterest',
  'Twitter',
  'X',
  'Spotify',
  'Google',
  'Sheets',
  'Meet',
  'Zoom',
  'Teams',
  'Outlook',
  'Apple',
  'Excel',
  'PowerPoint',
  // A law's number carries the Rada's convocation in Roman numerals: № 3225-IX.
  'IX',
  'VIII',
  'PDF',
  'CSV',
  'ZIP',
  'HTML',
  'SMTP',
  'URL',
  'IP',
  'UTF-8',
  'Windows-1251',
  'Ctrl',
  'Enter',
  'Escape',
  'Page',
  'Up',
  'Down',
  // The name field's example: a client is a brand, and this one writes itself in Latin.
  'Kyiv',
  'Coffee',
]);

/** Latin words left in a text, after what is not prose: addresses, handles, colours, file types, a quoted literal to type. */
function latinWords(text: string): string[] {
  const prose = withoutMarkup(text)
    .replace(/https?:\/\/\S*/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/#[0-9a-f]{3,8}\b/gi, ' ')
    .replace(/@[\w.]+/g, ' ')
    .replace(/\.(?:pdf|csv|zip|txt|pptx|ics)\b/gi, ' ')
    .replace(/«[A-Za-z]+»/g, ' ');
  return [...prose.matchAll(/[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g)]
    .map((m) => m[0])
    .filter((word) => !LATIN_ALLOWED.has(word));
}

/**
 * A person's (or an agency's) name goes where it never declines nor needs a gender: after a
 * colon, or as the subject of a verb in the present («{{by}} просить правки»).
 */
const PERSON = String.raw`\{\{(?:[\w.]*\.)?(?:name|by|who|author|actorName|inviterName|agency|agencyName)\}\}`;
/** «попросив(ла)», «вийшов(-ла)»: a verb that guesses the person's gender. */
const GENDER_BRACKET = /\p{Script=Cyrillic}\((?:-|\/)?(?:ла|а|на|ли|ий)\)/u;
/** «від {{name}}», «для {{name}}»: the name would have to decline. */
const PERSON_AFTER_PREPOSITION = new RegExp(
  String.raw`(?:^|\s)(?:від|для|до|про|у|в|з|із|зі|за|контакт)\s+${PERSON}`,
  'iu',
);
/** «{{name}} попросила»: a past-tense verb agrees with the person's gender. */
const PERSON_THEN_PAST = new RegExp(
  String.raw`${PERSON}(?: \([^)]*\))? [\p{Script=Cyrillic}’]+(?:в|ла|ло)(?=[\s.,:!]|$)`,
  'u',
);

const offending = (test: (text: string) => boolean) =>
  texts.filter((t) => test(t.text)).map((t) => `${t.where}: ${t.text}`);

describe('[17.8] Ukrainian wording', () => {
  it('[17.8] scans the web resources and the server texts', () => {
    // A scan that found nothing to scan would pass on anything.
    expect(texts.filter((t) => t.where.startsWith('uk.')).length).toBeGreaterThan(1000);
    for (const file of serverFiles) expect(texts.some((t) => t.where.startsWith(file))).toBe(true);
  });

  it('[17.8] names a revision round «коло правок», never раунд or ітерація', () => {
    expect(offending((text) => OLD_ROUND.test(text))).toEqual([]);
  });

  it('[17.8] calls a fact request «запит на фактаж», as the product does', () => {
    expect(offending((text) => /запит\S* факт(?:ів|и)(?!\p{L})/iu.test(text))).toEqual([]);
  });

  it('[17.8] never nests «» inside «»', () => {
    expect(offending((text) => unnestQuotes(withoutMarkup(text)) !== withoutMarkup(text))).toEqual([]);
  });

  it('[17.8] leaves no English word a Ukrainian reader would not expect', () => {
    expect(offending((text) => latinWords(text).length > 0)).toEqual([]);
    // «Reels» is a word to translate (рілс), not a brand like Instagram.
    expect(offending((text) => /reels?\b/i.test(text))).toEqual([]);
  });

  it('[17.8] never genders or declines a person’s name', () => {
    expect(offending((text) => GENDER_BRACKET.test(text))).toEqual([]);
    expect(offending((text) => PERSON_AFTER_PREPOSITION.test(text))).toEqual([]);
    expect(offending((text) => PERSON_THEN_PAST.test(text))).toEqual([]);
  });
});

describe('[17.8] a quoted title inside a quoted phrase', () => {
  const title = 'Старт продажів «Ефіопії Гуджі»';

  it('[17.8] takes „“ inside «»', () => {
    expect(unnestQuotes(`Коментувати «${title}»`)).toBe('Коментувати «Старт продажів „Ефіопії Гуджі“»');
    expect(unnestQuotes('«а» і «б»')).toBe('«а» і «б»');
    expect(unnestQuotes('лише » без пари')).toBe('лише » без пари');
  });

  it('[17.8] in every text of the web, whatever the value', async () => {
    const i18n = i18next.createInstance();
    await i18n.use(quotesPostProcessor).init({
      resources: { uk: { translation: uk } },
      lng: 'uk',
      interpolation: { escapeValue: false },
      postProcess: [quotesPostProcessor.name],
    });
    expect(i18n.t('postReview.review.commentOnSelection', { quote: title })).toBe(
      'Коментувати «Старт продажів „Ефіопії Гуджі“»',
    );
    // …and the app's own instance runs every text through it (it needs a browser to start).
    expect(readFileSync('src/web/i18n/index.ts', 'utf8')).toContain(
      'postProcess: [quotesPostProcessor.name]',
    );
  });

  it('[17.8] in the emails and the meeting summary', () => {
    const email = waitingEmail({
      digest: false,
      lines: [
        {
          kind: 'post_changes_requested',
          clientName: 'Kyiv Coffee',
          month: 'грудень 2026',
          count: 1,
          by: 'Оксана Ткач',
          mayApprove: true,
          link: 'https://plit.example/p',
          note: `Назвіть купаж «Гуджі», як у темі «${title}»`,
        },
      ],
    });
    const ukPart = email.text.split('---')[0]!;
    expect(ukPart).toContain('«Назвіть купаж „Гуджі“, як у темі „Старт продажів „Ефіопії Гуджі““»');
    expect(unnestQuotes(ukPart)).toBe(ukPart);
    expect(summaryText('uk').aboutTopic(title)).toBe('до теми «Старт продажів „Ефіопії Гуджі“»');
  });
});
