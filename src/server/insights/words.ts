import type { MonthFigures } from '../../shared/api/insights.ts';
import type { ComparedKey } from '../../shared/insights.ts';

type Language = 'uk' | 'en';

/**
 * Which compared figure (shared/insights.ts) each row is, by the order of figureNames: its
 * better/worse verdict follows the screen's rule. null: a figure neither way is better.
 */
export const figureCompared: Array<ComparedKey | null> = [];

/** The figures' names in each language, in the order reports show them. */
export const figureNames: Record<Language, Array<[string, (f: MonthFigures) => number | null]>> = {
  uk: [],
  en: [],
};

const rows: Array<[string, string, (f: MonthFigures) => number | null, ComparedKey?]> = [
  ['Заплановано постів', 'Posts planned', (f) => f.postsPlanned],
  ['Опубліковано', 'Published', (f) => f.postsPublished],
  ['Погоджено', 'Approved', (f) => f.postsApproved],
  ['Погоджено з першого кола', 'Approved in round 1', (f) => f.approvedFirstRound],
  [
    'Частка з першого кола, %',
    'Share approved in round 1, %',
    (f) => (f.firstRoundShare === null ? null : Math.round(f.firstRoundShare * 100)),
    'firstRoundShare',
  ],
  ['Кіл правок на пост, у середньому', 'Average rounds per post', (f) => f.averageRounds, 'averageRounds'],
  ['Кола правок, усього', 'Revision rounds in all', (f) => f.revisionRounds, 'revisionRounds'],
  ['Ситуативи', 'Situational posts', (f) => f.situational, 'situational'],
  ['Заміни постів', 'Replacements', (f) => f.replacements, 'replacements'],
  ['Переписування в день публікації', 'Same-day rewrites', (f) => f.rewrites, 'rewrites'],
  ['Покрито «а що, коли»', 'Covered by a contingency', (f) => f.covered, 'covered'],
  ['Теми: прийнято', 'Topics accepted', (f) => f.topics?.accepted ?? null],
  ['Теми: відкладено', 'Topics parked', (f) => f.topics?.parked ?? null],
  ['Теми: відкинуто', 'Topics dropped', (f) => f.topics?.dropped ?? null],
  ['Теми від клієнта', 'Topics from the client', (f) => f.topics?.fromClient ?? null],
  ['Теми з резерву', 'Topics from the reserve', (f) => f.topics?.fromReserve ?? null],
  [
    'Тем у резерві на кінець місяця',
    'Topics in the reserve at month end',
    (f) => f.topics?.reserveSize ?? null,
  ],
  ['Фактаж: днів до повного', 'Facts: days to complete', (f) => f.factTurnaroundDays, 'factTurnaroundDays'],
  ['Фактаж: прострочених пунктів', 'Facts: overdue items', (f) => f.factItemsOverdue, 'factItemsOverdue'],
  [
    'Погодження: медіана годин',
    'Approval turnaround, median hours',
    (f) => f.approvalTurnaroundHours,
    'approvalTurnaroundHours',
  ],
  ['Погодження: прострочених постів', 'Approvals overdue', (f) => f.approvalsOverdue, 'approvalsOverdue'],
  ['Строки етапів дотримано', 'Stage deadlines met', (f) => f.deadlines?.met ?? null, 'deadlinesMet'],
  ['Строки етапів зірвано', 'Stage deadlines missed', (f) => f.deadlines?.missed ?? null, 'deadlinesMissed'],
];
for (const [uk, en, value, compared] of rows) {
  figureNames.uk.push([uk, value]);
  figureNames.en.push([en, value]);
  figureCompared.push(compared ?? null);
}

export const reportWords = {
  uk: {
    title: 'Звіт за місяць',
    month: 'Місяць',
    before: 'До спільного планування',
    figure: 'Показник',
    thisMonth: 'Цей місяць',
    beforeAverage: 'У середньому до',
    imported: 'імпортовано',
    meeting: { held: 'зустріч відбулася', fire_mode: 'пожежа: узгодили письмово', none: 'без зустрічі' },
    none: 'Цей місяць ще не планували в Plit.',
    generated: 'Сформовано в Plit',
    csvMonth: 'Місяць',
    csvBefore: 'До',
    csvSource: 'Джерело',
    csvEmpty: 'За ці місяці даних немає',
  },
  en: {
    title: 'Monthly report',
    month: 'Month',
    before: 'Before co-creation',
    figure: 'Figure',
    thisMonth: 'This month',
    beforeAverage: 'Average before',
    imported: 'imported',
    meeting: { held: 'meeting held', fire_mode: 'fire mode: agreed in writing', none: 'no meeting' },
    none: 'This month was not planned in Plit yet.',
    generated: 'Made with Plit',
    csvMonth: 'Month',
    csvBefore: 'Before',
    csvSource: 'Source',
    csvEmpty: 'No data for these months',
  },
} as const;
