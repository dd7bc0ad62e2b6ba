export interface Email {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Part {
  heading: string;
  lines: string[];
  action: string;
}

/**
 * Plit does not know the recipient's language before they sign in, so every email says it
 * in Ukrainian first, then in English. Everything interpolated is escaped for the HTML part.
 */
function bilingual(subject: string, link: string, uk: Part, en: Part): Email {
  const textPart = (p: Part) => [p.heading, '', ...p.lines, '', `${p.action}: ${link}`].join('\n');
  const htmlPart = (p: Part) =>
    `<h2>${escapeHtml(p.heading)}</h2>${p.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}` +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(p.action)}</a></p>`;
  return {
    subject,
    text: `${textPart(uk)}\n\n---\n\n${textPart(en)}\n`,
    html: `<!doctype html><html><body>${htmlPart(uk)}<hr>${htmlPart(en)}</body></html>`,
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
        'Посилання діє 1 годину. Якщо це були не ви, нічого не робіть.',
      ],
      action: 'Встановити новий пароль',
    },
    {
      heading: 'Reset your password',
      lines: [
        'Someone (hopefully you) asked to reset your password.',
        'The link works for 1 hour. If it was not you, do nothing.',
      ],
      action: 'Set a new password',
    },
  );
}

export function magicLinkEmail(link: string): Email {
  return bilingual(
    'Вхід до Plit · Sign in to Plit',
    link,
    {
      heading: 'Вхід без пароля',
      lines: ['Натисніть посилання, щоб увійти. Воно одноразове і діє 15 хвилин.'],
      action: 'Увійти до Plit',
    },
    {
      heading: 'Sign in without a password',
      lines: ['Follow the link to sign in. It works once, for 15 minutes.'],
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
    `Контент-план на ${input.monthUk} · Content plan for ${input.monthEn}: ${input.clientName}`,
    input.link,
    {
      heading: `Контент-план на ${input.monthUk} готовий до перегляду`,
      lines: [
        `${input.agencyName} підготувала графік постингу і теми для «${input.clientName}».`,
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
