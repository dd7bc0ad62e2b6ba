import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSummaryPdf, type SummaryPdfInput } from '../../src/server/exports/summaryPdf.ts';
import type { MeetingSummary } from '../../src/shared/api/meetings.ts';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const summary: MeetingSummary = {
  endedAt: '2026-11-27T11:00:00.000Z',
  fireMode: false,
  agreed: [
    {
      topicId: id(1),
      title: 'Новий купаж «Зимовий»',
      status: 'changed',
      change: 'Показати бариста, а не пакування',
      slot: { date: '2026-12-07', time: '10:00', channel: 'instagram @kyivcoffee', format: 'reel' },
      votes: 3,
    },
    { topicId: id(2), title: 'Бариста тижня', status: 'accepted', change: '', slot: null, votes: 0 },
  ],
  parked: [{ topicId: id(3), title: 'Зимове меню', note: 'Повернемося в січні' }],
  dropped: [{ topicId: id(4), title: 'Розіграш чашок', note: '' }],
  ideas: [{ topicId: id(5), title: 'Дегустація в суботу', authorName: 'Ірина Коваль' }],
  plans: [
    {
      title: 'Виступ на конференції',
      startsOn: '2026-12-12',
      endsOn: null,
      likelihood: 'maybe',
      notes: 'Підтвердять до 1 грудня',
      contingencies: [
        {
          concept: 'Пост із тезами виступу',
          trigger: 'Якщо виступ підтвердять',
          channel: 'telegram @kyivcoffee',
          format: 'post',
        },
      ],
    },
  ],
  questions: [
    { text: 'Яка ціна купажу?', status: 'for_facts', answer: '', topicTitle: 'Новий купаж «Зимовий»' },
    { text: 'Чи буде знижка?', status: 'answered', answer: 'Так, 10% у перший тиждень', topicTitle: null },
  ],
  comments: [],
  notes: ['Клієнт просить більше відео.', 'Наступна зустріч у грудні.'],
  participants: [
    { name: 'Олена Шевчук', side: 'agency' },
    { name: 'Ірина Коваль', side: 'client' },
  ],
};

const input: SummaryPdfInput = {
  clientName: 'Подільська обсмажка',
  month: '2026-12',
  monthName: 'Грудень 2026',
  format: 'online',
  date: '2026-11-27',
  time: '11:00',
  happened: { from: { date: '2026-11-27', time: '11:04' }, to: { date: '2026-11-27', time: '12:31' } },
  timezone: 'Europe/Kyiv',
  language: 'uk',
  summary,
};

function textOf(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plit-summary-')), 'summary.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe('renderSummaryPdf', () => {
  const rendering = renderSummaryPdf(input);

  it('is an A4 portrait PDF with DejaVu Sans embedded', async () => {
    const raw = (await rendering).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(raw).toContain('DejaVuSans');
    expect(raw).toContain('DejaVuSans-Bold');
  });

  it('runs onto more pages when the summary is long, numbering each', async () => {
    const long = await renderSummaryPdf({
      ...input,
      summary: {
        ...summary,
        agreed: Array.from({ length: 40 }, (_, i) => ({ ...summary.agreed[0]!, topicId: id(100 + i) })),
      },
    });
    const pages = long.toString('latin1').match(/\/Type \/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    if (hasPdftotext()) expect(textOf(long)).toMatch(new RegExp(`1\\s*/\\s*${pages.length}`));
  });

  it.skipIf(!hasPdftotext())('has every section in Cyrillic text that extracts as written', async () => {
    const text = textOf(await rendering);
    for (const phrase of [
      'Подільська обсмажка',
      'Грудень 2026',
      'Погоджений графік і теми',
      'Новий купаж «Зимовий» (змінено)',
      'Що змінити: Показати бариста, а не пакування',
      'Instagram @kyivcoffee · Рілс',
      'Ще без слота',
      'Відкладено в резерв',
      'Зимове меню',
      'Розіграш чашок',
      'автор: Ірина Коваль',
      'А що, коли: Пост із тезами виступу',
      'У запит на фактаж',
      'Так, 10% у перший тиждень',
      'Клієнт просить більше відео.',
      'Агенція: Олена Шевчук',
    ]) {
      expect(text).toContain(phrase);
    }
    // Nobody commented: the section is left out rather than printed empty.
    expect(text).not.toContain('Коментарі до плану');
  });

  it.skipIf(!hasPdftotext())(
    '[17.7] prints when it actually ran (not the scheduled time) and who was invited but did not come',
    async () => {
      const text = textOf(
        await renderSummaryPdf({
          ...input,
          happened: {
            from: { date: '2026-11-28', time: '23:50' },
            to: { date: '2026-11-29', time: '00:40' },
          },
          summary: { ...summary, absent: [{ name: 'Марта Гнатюк', side: 'client' }] },
        }),
      ).replace(/\s+/g, ' ');
      expect(text).toMatch(
        /Зустріч відбулася 28 листопада 2026( р\.)?, 23:50 – 29 листопада 2026( р\.)?, 00:40/,
      );
      expect(text).not.toContain('27 листопада');
      expect(text).toContain('Запрошені, але не прийшли Клієнт: Марта Гнатюк');
    },
  );

  it.skipIf(!hasPdftotext())('marks a fire-mode review as such, in English too', async () => {
    const text = textOf(
      await renderSummaryPdf({
        ...input,
        language: 'en',
        format: 'async',
        monthName: 'December 2026',
        summary: {
          ...summary,
          fireMode: true,
          comments: [
            {
              subject: 'Бариста тижня',
              body: 'Беремо, але з іншим фото',
              verdict: 'changes',
              authorName: 'Ірина Коваль',
            },
          ],
        },
      }),
    );
    expect(text).toContain('Written review summary'.toUpperCase());
    expect(text).toContain('fire mode');
    expect(text).toContain('Comments on the plan');
    expect(text).toContain('Ірина Коваль · Changes asked');
    expect(text).toContain('Беремо, але з іншим фото');
  });
});
