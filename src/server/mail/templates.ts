import { unnestQuotes } from '../../shared/quotes.ts';
import type { MailAttachment } from '../db/schema/index.ts';
import { formatDate, monthName } from '../exports/locale.ts';
export interface Email {
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Every email's HTML as a whole document (html-validate checks it): Ukrainian first, so the
 * document is `lang="uk"`, and the English half marked `lang="en"` so screen readers and
 * hyphenation switch with it; the charset is said again inside, for a reader that saves the part
 * on its own; the subject is the title a browser or a mail preview shows.
 */
function emailDocument(subject: string, ukHtml: string, enHtml: string): string {
  return (
    '<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(subject)}</title></head>` +
    `<body><div lang="uk">${ukHtml}</div><hr><div lang="en">${enHtml}</div></body></html>`
  );
}

interface Part {
  heading: string;
  lines: string[];
  action: string;
}

/**
 * Plit does not know the recipient's language before they sign in, so every email says it
 * in Ukrainian first, then in English. Everything interpolated is escaped for the HTML part.
 */
/** Ukrainian month names are lower-case inside a sentence: "план на грудень 2026". */
const midSentence = (month: string) => `${month.charAt(0).toLocaleLowerCase('uk')}${month.slice(1)}`;

/** A local date (YYYY-MM-DD) in each half's own words: 26 листопада 2026 р., 26 November 2026. */
const localDateUk = (date: string) => formatDate('uk', date);
const localDateEn = (date: string) => formatDate('en', date);

function bilingual(subject: string, link: string, ukText: Part, en: Part): Email {
  // A title or note with its own «» sits inside our «»: the inner pair becomes „“.
  const uk = {
    heading: unnestQuotes(ukText.heading),
    lines: ukText.lines.map(unnestQuotes),
    action: ukText.action,
  };
  const textPart = (p: Part) => [p.heading, '', ...p.lines, '', `${p.action}: ${link}`].join('\n');
  const htmlPart = (p: Part) =>
    `<h2>${escapeHtml(p.heading)}</h2>${p.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}` +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(p.action)}</a></p>`;
  return {
    subject,
    text: `${textPart(uk)}\n\n---\n\n${textPart(en)}\n`,
    html: emailDocument(subject, htmlPart(uk), htmlPart(en)),
  };
}

const roleNames = {
  uk: {
    owner: 'власник',
    content_manager: 'контент-менеджер',
    creator: 'креатор',
    approver: 'погоджувач',
    contributor: 'учасник',
  },
  en: {
    owner: 'owner',
    content_manager: 'content manager',
    creator: 'creator',
    approver: 'approver',
    contributor: 'contributor',
  },
} as const;

export function invitationEmail(input: {
  link: string;
  inviterName: string;
  agencyName: string;
  clientName: string | null;
  role: keyof (typeof roleNames)['en'];
  expiresAt: Date;
}): Email {
  const where = input.clientName ? `${input.clientName} (${input.agencyName})` : input.agencyName;
  const days = Math.round((input.expiresAt.getTime() - Date.now()) / 86_400_000);
  return bilingual(
    `Запрошення до Plit: ${where} · Invitation to Plit`,
    input.link,
    {
      heading: `${input.inviterName} запрошує вас до Plit`,
      lines: [
        `Ви приєднаєтеся до «${where}» як ${roleNames.uk[input.role]}.`,
        `Посилання одноразове і діє ${days} дн.`,
      ],
      action: 'Прийняти запрошення',
    },
    {
      heading: `${input.inviterName} invites you to Plit`,
      lines: [
        `You will join "${where}" as ${roleNames.en[input.role]}.`,
        `The link works once, for ${days} days.`,
      ],
      action: 'Accept the invitation',
    },
  );
}

export function passwordResetEmail(link: string): Email {
  return bilingual(
    'Відновлення пароля Plit · Reset your Plit password',
    link,
    {
      heading: 'Відновлення пароля',
      lines: [
        'Хтось (сподіваємося, ви) попросив змінити пароль.',
        'Посилання одноразове і діє 30 хвилин. Якщо це були не ви, нічого не робіть.',
      ],
      action: 'Встановити новий пароль',
    },
    {
      heading: 'Reset your password',
      lines: [
        'Someone (hopefully you) asked to reset your password.',
        'The link works once, for 30 minutes. If it was not you, do nothing.',
      ],
      action: 'Set a new password',
    },
  );
}

/**
 * Sent whenever a password is changed or reset: if it was not the person, this is how they learn
 * that someone else has it, and the link asks for a reset of their own (every session of whoever
 * changed it ends with that reset).
 */
export function passwordChangedEmail(link: string): Email {
  return bilingual(
    'Пароль Plit змінено · Your Plit password was changed',
    link,
    {
      heading: 'Ваш пароль змінено',
      lines: [
        'Пароль до вашого облікового запису Plit щойно змінили, і всі інші сеанси завершено.',
        'Якщо це були ви, нічого робити не треба. Якщо ні, відновіть пароль за посиланням нижче.',
      ],
      action: 'Відновити пароль',
    },
    {
      heading: 'Your password was changed',
      lines: [
        'The password of your Plit account was just changed, and every other session ended.',
        'If it was you, there is nothing to do. If not, reset your password with the link below.',
      ],
      action: 'Reset your password',
    },
  );
}

export function magicLinkEmail(link: string): Email {
  return bilingual(
    'Вхід до Plit · Sign in to Plit',
    link,
    {
      heading: 'Вхід без пароля',
      lines: ['Натисніть посилання, щоб увійти. Воно одноразове і діє 30 хвилин.'],
      action: 'Увійти до Plit',
    },
    {
      heading: 'Sign in without a password',
      lines: ['Follow the link to sign in. It works once, for 30 minutes.'],
      action: 'Sign in to Plit',
    },
  );
}

export function planSharedEmail(input: {
  link: string;
  clientName: string;
  monthUk: string;
  monthEn: string;
  agencyName: string;
}): Email {
  return bilingual(
    `Контент-план на ${midSentence(input.monthUk)} · Content plan for ${input.monthEn}: ${input.clientName}`,
    input.link,
    {
      heading: `Контент-план на ${midSentence(input.monthUk)} готовий до перегляду`,
      lines: [
        `${input.agencyName} надсилає графік постингу і теми для «${input.clientName}».`,
        'Перегляньте його до зустрічі: так ми встигнемо обговорити все важливе.',
      ],
      action: 'Відкрити контент-план',
    },
    {
      heading: `The content plan for ${input.monthEn} is ready for you`,
      lines: [
        `${input.agencyName} has prepared the posting schedule and topics for "${input.clientName}".`,
        'Have a look before the meeting, so we can discuss what matters.',
      ],
      action: 'Open the content plan',
    },
  );
}

export function meetingInvitationEmail(input: {
  link: string;
  clientName: string;
  monthUk: string;
  monthEn: string;
  /** When it starts, in each language's words. */
  whenUk: string;
  whenEn: string;
  where: string;
  agencyName: string;
  rescheduled: boolean;
}): Email {
  const again = input.rescheduled;
  return bilingual(
    `${again ? 'Зустріч перенесено' : 'Зустріч'} · ${again ? 'Meeting moved' : 'Meeting'}: ${input.clientName}, ${input.monthEn}`,
    input.link,
    {
      heading: again
        ? `Зустріч щодо плану на ${midSentence(input.monthUk)} перенесено`
        : `Запрошення на зустріч щодо плану на ${midSentence(input.monthUk)}`,
      lines: [
        `${input.agencyName} і «${input.clientName}» разом узгоджують контент-план.`,
        `Коли: ${input.whenUk}`,
        `Де: ${input.where}`,
        'Подумайте про свої плани на місяць: запуски, події, новини. Файл календаря додано.',
      ],
      action: 'Відкрити зустріч у Plit',
    },
    {
      heading: again
        ? `The meeting about the ${input.monthEn} plan has moved`
        : `You are invited to plan ${input.monthEn} together`,
      lines: [
        `${input.agencyName} and "${input.clientName}" agree the content plan together.`,
        `When: ${input.whenEn}`,
        `Where: ${input.where}`,
        'Think about your plans for the month: launches, events, news. A calendar file is attached.',
      ],
      action: 'Open the meeting in Plit',
    },
  );
}

export function reviewOpenedEmail(input: {
  link: string;
  clientName: string;
  monthUk: string;
  monthEn: string;
  dueUk: string;
  dueEn: string;
  agencyName: string;
}): Email {
  return bilingual(
    `Погодження плану · Plan review: ${input.clientName}, ${input.monthEn}`,
    input.link,
    {
      heading: `Погодьте план на ${midSentence(input.monthUk)} письмово`,
      lines: [
        `Цього разу зустрітися не вийшло, тож ${input.agencyName} просить переглянути план у Plit.`,
        `Прокоментуйте кожну тему й слот, погодьте або попросіть змін до ${input.dueUk}.`,
      ],
      action: 'Переглянути план',
    },
    {
      heading: `Review the ${input.monthEn} plan in writing`,
      lines: [
        `A meeting was not possible this time, so ${input.agencyName} asks you to review the plan in Plit.`,
        `Comment on each topic and slot, accept or ask for changes by ${input.dueEn}.`,
      ],
      action: 'Review the plan',
    },
  );
}

export function meetingSummaryEmail(input: {
  link: string;
  clientName: string;
  monthUk: string;
  monthEn: string;
  agreed: number;
  parked: number;
  dropped: number;
  ideas: number;
  openQuestions: number;
  fireMode: boolean;
  /** When it actually ran, worded per language (the summary PDF's line). */
  happened?: { uk: string; en: string };
  /** Who was there, and who was invited but did not come: names as written, never declined. */
  participants?: string[];
  absent?: string[];
}): Email {
  const who = (present: string, away: string) =>
    input.participants
      ? [
          `${present}: ${input.participants.join(', ') || '—'}.`,
          ...(input.absent?.length ? [`${away}: ${input.absent.join(', ')}.`] : []),
        ]
      : [];
  return bilingual(
    `Підсумки · Summary: ${input.clientName}, ${input.monthEn}`,
    input.link,
    {
      heading: `Підсумки ${input.fireMode ? 'погодження' : 'зустрічі'}: план на ${midSentence(input.monthUk)}`,
      lines: [
        ...(input.happened ? [`${input.happened.uk}.`] : []),
        ...who('Учасники', 'Запрошені, але не прийшли'),
        `Погоджено тем: ${input.agreed}. У резерві: ${input.parked}. Відхилено: ${input.dropped}. Нових ідей: ${input.ideas}.`,
        `Питань для запиту на фактаж: ${input.openQuestions}.`,
        'Повні підсумки, плани на місяць і «а що, коли» – у Plit; там же PDF.',
      ],
      action: 'Відкрити підсумки',
    },
    {
      heading: `${input.fireMode ? 'Review' : 'Meeting'} summary: the ${input.monthEn} plan`,
      lines: [
        ...(input.happened ? [`${input.happened.en}.`] : []),
        ...who('Participants', 'Invited, did not come'),
        `Topics agreed: ${input.agreed}. Parked: ${input.parked}. Dropped: ${input.dropped}. New ideas: ${input.ideas}.`,
        `Questions for the fact request: ${input.openQuestions}.`,
        'The full summary, the month’s plans and the "what if" answers are in Plit, with a PDF.',
      ],
      action: 'Open the summary',
    },
  );
}

export function factRequestEmail(input: {
  link: string;
  clientName: string;
  monthUk: string;
  monthEn: string;
  items: number;
  due: string | null;
  agencyName: string;
}): Email {
  return bilingual(
    `Запит на фактаж · Fact request: ${input.clientName}, ${input.monthEn}`,
    input.link,
    {
      heading: `Що потрібно для постів на ${midSentence(input.monthUk)}`,
      lines: [
        `${input.agencyName} надсилає запит на фактаж за підсумками зустрічі: пунктів – ${input.items}.`,
        input.due
          ? `Відповісти до: ${localDateUk(input.due)}.`
          : 'Відповідайте на пункти по черзі: чернетки зберігаються.',
      ],
      action: 'Відкрити запит',
    },
    {
      heading: `What we need for the ${input.monthEn} posts`,
      lines: [
        `${input.agencyName} has sent the fact request from the meeting: ${input.items} item${input.items === 1 ? '' : 's'}.`,
        input.due ? `Please answer by ${localDateEn(input.due)}.` : 'Answer item by item: drafts are kept.',
      ],
      action: 'Open the request',
    },
  );
}

/** Plural of "item" in Ukrainian: 1 пункт, 2 пункти, 5 пунктів. */
const itemsUk = (n: number) => {
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return `${n} пункт`;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return `${n} пункти`;
  return `${n} пунктів`;
};

export function factReminderEmail(input: {
  link: string;
  clientName: string;
  monthUk: string;
  monthEn: string;
  items: number;
  dueOn: string;
  /** Negative: days before the due date; 0: on the day; positive: days overdue. */
  offsetDays: number;
}): Email {
  const { offsetDays: d, items, dueOn } = input;
  const whenUk =
    d < 0
      ? `Термін – ${localDateUk(dueOn)}, за ${-d} дн.`
      : d === 0
        ? `Термін – сьогодні, ${localDateUk(dueOn)}.`
        : `Термін минув ${localDateUk(dueOn)}.`;
  const whenEn =
    d < 0
      ? `They are due on ${localDateEn(dueOn)}, in ${-d} day${d === -1 ? '' : 's'}.`
      : d === 0
        ? `They are due today, ${localDateEn(dueOn)}.`
        : `They were due on ${localDateEn(dueOn)}.`;
  return bilingual(
    `${d > 0 ? 'Прострочено · Overdue' : 'Нагадування · Reminder'}: ${input.clientName}, ${input.monthEn}`,
    input.link,
    {
      heading: `Фактаж на ${midSentence(input.monthUk)}: чекаємо ${itemsUk(items)}`,
      lines: [whenUk, 'Без цих відповідей ми не зможемо написати пости вчасно.'],
      action: 'Відповісти',
    },
    {
      heading: `The ${input.monthEn} fact request: ${items} item${items === 1 ? '' : 's'} still open`,
      lines: [whenEn, 'Without these answers we cannot write the posts on time.'],
      action: 'Answer now',
    },
  );
}

export function factFollowUpEmail(input: {
  link: string;
  clientName: string;
  monthEn: string;
  question: string;
  followUp: string;
  agencyName: string;
  /** The item's due date after the follow-up, if it has one. */
  due?: string | null;
}): Email {
  return bilingual(
    `Уточнення · Follow-up: ${input.clientName}, ${input.monthEn}`,
    input.link,
    {
      heading: `${input.agencyName} просить уточнити відповідь`,
      lines: [
        `Пункт: ${input.question}`,
        `Уточнення: ${input.followUp}`,
        ...(input.due ? [`Відповісти до: ${localDateUk(input.due)}.`] : []),
      ],
      action: 'Відповісти',
    },
    {
      heading: `${input.agencyName} has a follow-up question`,
      lines: [
        `Item: ${input.question}`,
        `Follow-up: ${input.followUp}`,
        ...(input.due ? [`Please answer by ${localDateEn(input.due)}.`] : []),
      ],
      action: 'Reply',
    },
  );
}

/** One thing waiting for the reader, from an in-app notification. */
export interface WaitingLine {
  kind: 'post_review' | 'post_internal_review' | 'post_changes_requested' | 'meeting_live' | 'review_opened';
  clientName: string;
  /** The cycle's month, "2026-12": each language names it in its own words. */
  month: string;
  count: number;
  by: string;
  note?: string;
  /** Whether the reader may approve (a contributor comments; the approver decides). */
  mayApprove: boolean;
  /** This reader's own link to the item (notifications/links.ts). */
  link: string;
}

/** "грудень 2026" inside a Ukrainian sentence, "December 2026" in English; a bad value as it is. */
const monthUk = (month: string) =>
  /^\d{4}-\d{2}$/.test(month) ? midSentence(monthName(month, 'uk')) : month;
const monthEn = (month: string) => (/^\d{4}-\d{2}$/.test(month) ? monthName(month, 'en') : month);

/** Plural of "post" in Ukrainian after a number: 1 пост, 2 пости, 5 постів. */
const postsUk = (n: number) => {
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return `${n} пост`;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return `${n} пости`;
  return `${n} постів`;
};

const waitingUk = (w: WaitingLine) => {
  const where = `${w.clientName}, ${monthUk(w.month)}`;
  switch (w.kind) {
    case 'post_review':
      return w.mayApprove
        ? `${where}: постів чекають на ваше погодження – ${w.count}`
        : `${where}: ${postsUk(w.count)} на погодженні у вашого погоджувача; ви можете їх прокоментувати`;
    case 'post_internal_review':
      return `${where}: ${w.by} надсилає пост на внутрішню перевірку`;
    case 'post_changes_requested':
      return `${where}: ${w.by} просить правки${w.note ? ` – «${w.note}»` : ''}`;
    case 'meeting_live':
      return `${w.clientName}: зустріч щодо плану на ${monthUk(w.month)} уже почалася, приєднуйтеся`;
    case 'review_opened':
      return `${w.clientName}: план на ${monthUk(w.month)} чекає на ваш письмовий відгук`;
  }
};
const waitingEn = (w: WaitingLine) => {
  const where = `${w.clientName}, ${monthEn(w.month)}`;
  const posts = `${w.count} post${w.count === 1 ? '' : 's'}`;
  switch (w.kind) {
    case 'post_review':
      return w.mayApprove
        ? `${where}: ${posts} waiting for your approval`
        : `${where}: ${posts} waiting for your approver; you can comment on them`;
    case 'post_internal_review':
      return `${where}: ${w.by} sent a post for internal review`;
    case 'post_changes_requested':
      return `${where}: ${w.by} asked for changes${w.note ? ` – “${w.note}”` : ''}`;
    case 'meeting_live':
      return `${w.clientName}: the meeting about the ${monthEn(w.month)} plan is live, join now`;
    case 'review_opened':
      return `${w.clientName}: the ${monthEn(w.month)} plan waits for your written review`;
  }
};

const waitingSubject = (lines: WaitingLine[], digest: boolean) => {
  const only = lines.length === 1 ? lines[0]! : null;
  if (!digest && only?.kind === 'meeting_live')
    return `Зустріч почалася · The meeting is live: ${only.clientName}, ${monthEn(only.month)}`;
  if (!digest && only?.kind === 'review_opened')
    return `Погодження плану · Plan review: ${only.clientName}, ${monthEn(only.month)}`;
  return digest ? 'Plit: за день · your day in Plit' : 'Plit: на вас чекають · waiting for you';
};

/**
 * What waits for the reader: at once (one batch) or as the daily digest. Every line carries its
 * own link (a contact's is scoped to that item); one line's link is also the button.
 */
export function waitingEmail(input: { lines: WaitingLine[]; digest: boolean }): Email {
  const { lines, digest } = input;
  const n = lines.length;
  const one = n === 1 ? lines[0]! : null;
  const part = (heading: string, say: (w: WaitingLine) => string, open: string, action: string) => ({
    text: [
      heading,
      '',
      ...lines.flatMap((w) => (one ? [say(w)] : [say(w), `${open}: ${w.link}`, ''])),
      ...(one ? ['', `${action}: ${one.link}`] : []),
    ].join('\n'),
    html:
      `<h2>${escapeHtml(heading)}</h2>` +
      lines
        .map(
          (w) =>
            `<p>${escapeHtml(say(w))}` +
            (one ? '' : `<br><a href="${escapeHtml(w.link)}">${escapeHtml(open)}</a>`) +
            '</p>',
        )
        .join('') +
      (one ? `<p><a href="${escapeHtml(one.link)}">${escapeHtml(action)}</a></p>` : ''),
  });
  const actionUk = one?.kind === 'meeting_live' ? 'Приєднатися до зустрічі' : 'Відкрити';
  const actionEn = one?.kind === 'meeting_live' ? 'Join the meeting' : 'Open';
  const uk = part(
    digest ? 'Що чекає на вас сьогодні' : 'На вас чекають у Plit',
    // A note or a title that brings its own «» sits inside ours: un-nested, as in bilingual().
    (w) => unnestQuotes(waitingUk(w)),
    'Відкрити',
    actionUk,
  );
  const en = part(
    digest ? `Your day in Plit: ${n} thing${n === 1 ? '' : 's'} waiting` : 'Waiting for you in Plit',
    waitingEn,
    'Open',
    actionEn,
  );
  const subject = waitingSubject(lines, digest);
  return {
    subject,
    text: `${uk.text}\n\n---\n\n${en.text}\n`,
    html: emailDocument(subject, uk.html, en.html),
  };
}

/** Who an approval reminder is for: the one who approves, a contributor, or the agency. */
export type ApprovalReminderReader = 'approver' | 'contributor' | 'agency';

const postsEn = (n: number) => `${n} post${n === 1 ? '' : 's'}`;

/**
 * Posts of one month waiting for the client's approval: due tomorrow (the working day before),
 * due today, or overdue. The approver is asked to approve; a contributor, who cannot, is told
 * the posts wait for their approver; the agency is told only of overdue ones.
 */
export function approvalReminderEmail(input: {
  link: string;
  clientName: string;
  month: string;
  monthUk: string;
  monthEn: string;
  dueOn: string;
  count: number;
  stage: 'before' | 'on_day' | 'overdue';
  reader: ApprovalReminderReader;
}): Email {
  const { count, dueOn, stage, reader } = input;
  const many = count !== 1;
  const dueUk =
    stage === 'overdue'
      ? `Термін погодження минув ${localDateUk(dueOn)}.`
      : stage === 'on_day'
        ? `Погодити треба сьогодні, ${localDateUk(dueOn)}.`
        : `Погодити треба до ${localDateUk(dueOn)}.`;
  const dueEn =
    stage === 'overdue'
      ? `The approval was due on ${localDateEn(dueOn)}.`
      : stage === 'on_day'
        ? `${many ? 'They are' : 'It is'} due today, ${localDateEn(dueOn)}.`
        : `${many ? 'They are' : 'It is'} due by ${localDateEn(dueOn)}.`;
  const monthUk = midSentence(input.monthUk);
  const headingUk =
    reader === 'agency'
      ? `${input.clientName}: ${postsUk(count)} на ${monthUk} не погоджено вчасно`
      : reader === 'contributor'
        ? `${postsUk(count)} на ${monthUk} чекають на рішення погоджувача`
        : `${postsUk(count)} на ${monthUk} чекають на ваше погодження`;
  const headingEn =
    reader === 'agency'
      ? `${input.clientName}: ${postsEn(count)} for ${input.monthEn} not approved in time`
      : reader === 'contributor'
        ? `${postsEn(count)} for ${input.monthEn} waiting for your approver`
        : `${postsEn(count)} for ${input.monthEn} waiting for your approval`;
  const whyUk =
    reader === 'agency'
      ? 'Нагадайте клієнтові або перенесіть публікацію.'
      : 'Без погодження пости не вийдуть вчасно.';
  const whyEn =
    reader === 'agency'
      ? 'Remind the client or move the publication.'
      : 'Without the approval the posts cannot go out on time.';
  return bilingual(
    `${stage === 'overdue' ? 'Прострочено · Overdue' : 'Погодження · Approval'}: ${input.clientName}, ${input.monthEn}`,
    input.link,
    {
      heading: headingUk,
      lines: [dueUk, whyUk],
      action: reader === 'approver' ? 'Погодити пости' : 'Відкрити пости',
    },
    {
      heading: headingEn,
      lines: [dueEn, whyEn],
      action: reader === 'approver' ? 'Review the posts' : 'Open the posts',
    },
  );
}
