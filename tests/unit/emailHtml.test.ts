import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import * as templates from '../../src/server/mail/templates.ts';

/**
 * Every email Plit can send, as an HTML document html-validate accepts. The templates are read
 * from the module: each exported `…Email` function needs samples below (the type makes a new
 * template without them fail to compile, the first test fails at run time), so a new template is
 * checked the day it is written. The samples carry what breaks markup: quotes, `<`, `&`, «».
 */
type Templates = typeof templates;
type EmailName = { [K in keyof Templates]: K extends `${string}Email` ? K : never }[keyof Templates];
type Samples = { [K in EmailName]: Array<Parameters<Templates[K]>> };

const link = 'https://plit.example/open/abc?x=1&y=2';
const client = 'Kyiv "Coffee" <Roasters> & «Зерно»';
const month = { monthUk: 'Грудень 2026', monthEn: 'December 2026' };
const waiting = (kind: templates.WaitingLine['kind'], mayApprove = true): templates.WaitingLine => ({
  kind,
  clientName: client,
  month: '2026-12',
  count: 3,
  by: 'Олена <CM>',
  note: 'Додайте «ціну» & фото',
  mayApprove,
  link,
});

const samples: Samples = {
  invitationEmail: [
    [
      {
        link,
        inviterName: 'Ігор "Boss"',
        agencyName: 'A&B',
        clientName: client,
        role: 'approver',
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      },
    ],
    [
      {
        link,
        inviterName: 'Ігор',
        agencyName: 'A&B',
        clientName: null,
        role: 'owner',
        expiresAt: new Date(),
      },
    ],
  ],
  passwordResetEmail: [[link]],
  passwordChangedEmail: [[link]],
  magicLinkEmail: [[link]],
  planSharedEmail: [[{ link, clientName: client, ...month, agencyName: 'A&B' }]],
  meetingInvitationEmail: [true, false].map((rescheduled) => [
    {
      link,
      clientName: client,
      ...month,
      whenUk: 'пʼятниця, 27 листопада 2026 р. о 11:00 (Europe/Kyiv)',
      whenEn: 'Friday 27 November 2026 at 11:00 (Europe/Kyiv)',
      where: 'https://meet.example.com/a?b=1&c=2',
      agencyName: 'A&B',
      rescheduled,
    },
  ]),
  reviewOpenedEmail: [
    [{ link, clientName: client, ...month, dueUk: '30.11.2026', dueEn: '30 Nov 2026', agencyName: 'A&B' }],
  ],
  meetingSummaryEmail: [
    [
      {
        link,
        clientName: client,
        ...month,
        agreed: 5,
        parked: 1,
        dropped: 0,
        ideas: 2,
        openQuestions: 1,
        fireMode: false,
        participants: ['Olena: "Marketing"; Lead', 'Ігор'],
        absent: ['<Someone>'],
      },
    ],
    [
      {
        link,
        clientName: client,
        ...month,
        agreed: 0,
        parked: 0,
        dropped: 0,
        ideas: 0,
        openQuestions: 0,
        fireMode: true,
      },
    ],
  ],
  factRequestEmail: [
    [{ link, clientName: client, ...month, items: 4, due: '2026-11-30', agencyName: 'A&B' }],
    [{ link, clientName: client, ...month, items: 1, due: null, agencyName: 'A&B' }],
  ],
  factReminderEmail: [-2, 0, 3].map((offsetDays) => [
    { link, clientName: client, ...month, items: 2, dueOn: '2026-11-30', offsetDays },
  ]),
  factFollowUpEmail: [
    [
      {
        link,
        clientName: client,
        monthEn: month.monthEn,
        question: 'Ціна «лоту»?',
        followUp: 'А в <грн>?',
        agencyName: 'A&B',
        due: '2026-11-30',
      },
    ],
  ],
  waitingEmail: [
    [{ lines: [waiting('post_review')], digest: false }],
    [{ lines: [waiting('meeting_live')], digest: false }],
    [
      {
        lines: [
          waiting('post_review', false),
          waiting('post_internal_review'),
          waiting('post_changes_requested'),
          waiting('review_opened'),
        ],
        digest: true,
      },
    ],
  ],
  approvalReminderEmail: (['approver', 'contributor', 'agency'] as const).flatMap((reader) =>
    (['before', 'on_day', 'overdue'] as const).map(
      (stage): [Parameters<Templates['approvalReminderEmail']>[0]] => [
        {
          link,
          clientName: client,
          month: '2026-12',
          ...month,
          dueOn: '2026-11-30',
          count: 2,
          stage,
          reader,
        },
      ],
    ),
  ),
};

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Email programs drop <style> and external CSS: the few inline styles an email may need are
    // the only styles it has.
    'no-inline-style': 'off',
    // A limit for search results' snippets. An email's title is its subject, said in both
    // languages with the client's name; nobody searches the web for it.
    'long-title': 'off',
  },
});

/** The module's exports by name, read once (a tree-shaker has nothing to shake in a test). */
const exported: Record<string, unknown> = { ...templates };

const emails = () =>
  Object.entries(samples).flatMap(([name, calls]) =>
    (calls as unknown[][]).map((args, i) => ({
      name: `${name} #${i + 1}`,
      email: (exported[name] as (...a: unknown[]) => templates.Email)(...args),
    })),
  );

describe('emails as HTML documents', () => {
  it('[18.7] has samples for every email template the module exports', () => {
    const names = Object.entries(exported)
      .filter(([name, value]) => typeof value === 'function' && name.endsWith('Email'))
      .map(([name]) => name);
    expect(Object.keys(samples).sort()).toEqual(names.sort());
  });

  it('[18.7] every email is valid HTML (html-validate, recommended rules)', async () => {
    const problems: string[] = [];
    for (const { name, email } of emails()) {
      const report = await validator.validateString(email.html);
      for (const result of report.results)
        for (const m of result.messages) problems.push(`${name}: ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('[18.7] every email says its languages, its charset and its subject as the title', () => {
    for (const { name, email } of emails()) {
      const html = email.html;
      expect(html, name).toMatch(/^<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8">/);
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
      expect(title, name).toBe(
        email.subject.replace(
          /[&<>"']/g,
          (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`,
        ),
      );
      // The English half is marked as English, so a reader's voice and hyphenation follow it.
      expect(html, name).toMatch(/<div lang="en">/);
    }
  });
});
