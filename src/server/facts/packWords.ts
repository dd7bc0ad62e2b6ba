/** The words of a fact pack's answers.txt, in the reader's language. */
export const packWords = {
  uk: {
    language: 'uk',
    status: {
      open: 'ще без відповіді',
      answered: 'є відповідь, ще не перевірено',
      accepted: 'прийнято',
      follow_up: 'поставлено уточнення',
    },
    answer: 'Відповідь',
    state: 'Стан',
    by: (name: string, date: string) => `; хто відповів: ${name}, ${date}`,
    optional: ' (необов’язково)',
    files: 'файли (див. папку)',
    note: 'примітка',
    notAvailable: 'НЕМАЄ',
    agency: 'Агенція',
    client: 'Клієнт',
    filesIn: 'Файли',
    missing: 'файлу немає у сховищі, в архів не ввійшов',
  },
  en: {
    language: 'en',
    status: {
      open: 'not answered yet',
      answered: 'answered, not reviewed yet',
      accepted: 'accepted',
      follow_up: 'follow-up asked',
    },
    answer: 'Answer',
    state: 'Status',
    by: (name: string, date: string) => `; answered by ${name} on ${date}`,
    optional: ' (optional)',
    files: 'files (see the folder)',
    note: 'note',
    notAvailable: 'NOT AVAILABLE',
    agency: 'Agency',
    client: 'Client',
    filesIn: 'Files',
    missing: 'file missing from storage, not in this pack',
  },
} as const;

export type PackLanguage = keyof typeof packWords;
