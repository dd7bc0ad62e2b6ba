import { PGlite } from '@electric-sql/pglite';
import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import * as Y from 'yjs';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { type CallParts, type EndpointSpec, urlOf } from '../../src/shared/api/endpoint.ts';
import type { Topic } from '../../src/shared/api/index.ts';
import { type OwnServer, ownServer } from './ownServer.ts';
import { callApi, expectAccessible, logInByApi, pinLanguage } from './support.ts';

/**
 * The co-creation meeting with three browsers: the agency's content manager, the client's
 * approver (both in English) and its contributor (in Ukrainian). It runs on a server of its
 * own, because it stops and restarts that server mid-meeting, and because it uses up the
 * demo meeting that the other specs' demo plan must keep in preparation.
 */

const PORT = Number(process.env.E2E_MEETING_PORT ?? 3230);

type Lang = 'en' | 'uk';

/** The few words the test reads in each language. */
const words = {
  en: {
    agenda: 'Agenda',
    items: { news: 'Client news', topics: 'Topics', whatIf: 'What if', questions: 'Questions' },
    allTopics: /^All topics/,
    addVote: 'Add a vote',
    votes: (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
    notes: 'Shared meeting notes',
    notesTitle: 'Shared notes',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    following: /^You see what .+ shows$/,
    back: 'Back to facilitator',
    summary: 'Summary',
  },
  uk: {
    agenda: 'Порядок денний',
    items: { news: 'Новини клієнта', topics: 'Теми', whatIf: 'А що, коли', questions: 'Запитання' },
    allTopics: /^Усі теми/,
    addVote: 'Додати голос',
    votes: (n: number) => `${n} ${n === 1 ? 'голос' : n < 5 ? 'голоси' : 'голосів'}`,
    notes: 'Спільні нотатки зустрічі',
    notesTitle: 'Спільні нотатки',
    connected: 'Підключено',
    reconnecting: 'Підключення…',
    following: /^Ви бачите те, що показує .+$/,
    back: 'Повернутися до ведучого',
    summary: 'Підсумки',
  },
} as const;

type Item = keyof (typeof words)['en']['items'];

interface Person {
  context: BrowserContext;
  page: Page;
  lang: Lang;
}

async function signedIn(browser: Browser, baseURL: string, email: string, lang: Lang): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 1000 } });
  await pinLanguage(context, lang);
  await logInByApi(context, baseURL, email);
  return { context, page: await context.newPage(), lang };
}

/** A valid call through the endpoint catalogue as this person (from our origin, as the app). */
function apiAs<E extends EndpointSpec>(who: Person | BrowserContext, spec: E, parts: CallParts<E>) {
  const context = 'context' in who ? who.context : who;
  return callApi(context.request, server.baseURL, spec, parts);
}

// What each person's room shows.
const agendaItem = (p: Person, item: Item): Locator =>
  p.page
    .getByRole('region', { name: words[p.lang].agenda })
    .getByRole('button', { name: new RegExp(`^${words[p.lang].items[item]}`) });
const topicRow = (p: Person, title: string): Locator =>
  p.page
    .getByRole('navigation', { name: words[p.lang].allTopics })
    .getByRole('listitem')
    .filter({ hasText: title });
const topicHeading = (p: Person, title: string): Locator =>
  p.page.getByRole('main').getByRole('heading', { level: 3, name: title, exact: true });
const notesBox = (p: Person): Locator => p.page.getByRole('textbox', { name: words[p.lang].notes });
const notesStatus = (p: Person): Locator =>
  p.page.getByRole('region', { name: words[p.lang].notesTitle }).getByRole('status');
/** The room header's live indicator: empty while updates flow. */
const liveStatus = (p: Person): Locator => p.page.getByRole('banner').getByRole('status');

/** In the page: the caret sits after the last character of `el` (others' carets aside). */
function caretAtEnd(el: Element): boolean {
  const selection = window.getSelection();
  if (!selection?.isCollapsed || !selection.anchorNode || !el.contains(selection.anchorNode)) return false;
  const rest = document.createRange();
  rest.selectNodeContents(el);
  rest.setStart(selection.anchorNode, selection.anchorOffset);
  const after = rest.cloneContents();
  for (const caret of after.querySelectorAll('.collaboration-carets__caret')) caret.remove();
  return (after.textContent ?? '').trim() === '';
}

/**
 * Type a line at the end of the shared notes. A click into the text may land mid-line, and
 * the editor may put the caret back there when a remote change re-renders it, so the caret
 * is checked to be at the end before typing.
 */
async function appendNote(p: Person, line: string): Promise<void> {
  const box = notesBox(p);
  await expect(async () => {
    const size = (await box.boundingBox())!;
    await box.click({ position: { x: size.width - 8, y: size.height - 8 } });
    await p.page.keyboard.press('Control+End');
    expect(await box.evaluate(caretAtEnd)).toBe(true);
  }).toPass({ timeout: 5000 });
  // A line of its own (the very first note leaves an empty line above it: the summary drops it).
  await p.page.keyboard.press('Enter');
  await p.page.keyboard.type(line);
}

/**
 * What a data folder holds, read straight from its files by a PGlite of the test's own (on
 * a copy, so the server later starts on the folder exactly as the crash left it).
 */
async function readDataDir(dataDir: string, meetingId: string) {
  const db = new PGlite(dataDir);
  try {
    const notes = await db.query<{ state: Uint8Array }>(
      'select state from collab_documents where name = $1',
      [`meeting:${meetingId}:notes`],
    );
    // Acknowledged changes not compacted yet are rows of their own.
    const changes = await db.query<{ update: Uint8Array }>(
      'select update from collab_updates where name = $1 order by id',
      [`meeting:${meetingId}:notes`],
    );
    const doc = new Y.Doc();
    if (notes.rows[0]) Y.applyUpdate(doc, notes.rows[0].state);
    for (const change of changes.rows) Y.applyUpdate(doc, change.update);
    const decisions = await db.query<{ topic_id: string; kind: string }>(
      'select topic_id, kind from topic_decisions where meeting_id = $1 order by created_at',
      [meetingId],
    );
    const votes = await db.query<{ topic_id: string; dots: number }>(
      'select topic_id, sum(dots)::int as dots from topic_votes where meeting_id = $1 group by topic_id',
      [meetingId],
    );
    return {
      notes: doc.getXmlFragment('default').toString(),
      decisions: decisions.rows,
      dots: Object.fromEntries(votes.rows.map((r) => [r.topic_id, r.dots])),
    };
  } finally {
    await db.close();
  }
}

let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await ownServer(PORT);
  await server.start();
});

test.afterAll(async () => {
  await server?.dispose();
});

test.describe('a live meeting with three browsers', () => {
  test.describe.configure({ mode: 'serial' });

  let agency: Person;
  let client: Person;
  let smm: Person;
  let everyone: Person[];
  let clientId: string;
  let cycleId: string;
  let meetingId: string;
  /** The demo plan's topics, in plan order. */
  let topics: Topic[];
  // The topics the meeting works on (all proposed in the demo).
  let voted: Topic;
  let alsoVoted: Topic;
  let parked: Topic;
  let dropped: Topic;
  const idea = 'Дегустація на терасі біля Подолу';
  const lines = {
    agency: 'Agency: the tasting goes to the second week.',
    client: 'Client: we send the new prices by Friday.',
    afterStop: 'Після перезапуску: фото кав’ярні беремо нові.',
    beforeCrash: 'Before the crash: the reel is confirmed.',
    afterCrash: 'After the crash: all good.',
  };

  test.beforeAll(async ({ browser }) => {
    const base = server.baseURL;
    agency = await signedIn(browser, base, 'cm@plit.demo', 'en');
    client = await signedIn(browser, base, 'marketing@kyivcoffee.demo', 'en');
    smm = await signedIn(browser, base, 'smm@kyivcoffee.demo', 'uk');
    everyone = [agency, client, smm];

    const { clients } = await apiAs(agency, endpoints.listClients, {});
    clientId = clients.find((c) => c.name === 'Kyiv Coffee Roasters')!.id;
    const { cycles } = await apiAs(agency, endpoints.listCycles, { params: { clientId } });
    cycleId = cycles.find((c) => c.stage === 'preparation')!.id;
    const plan = await apiAs(agency, endpoints.getPlan, { params: { cycleId } });
    topics = [...plan.topics].sort((a, b) => a.position - b.position);
    const proposed = topics.filter((t) => t.status === 'proposed');
    [voted, alsoVoted, parked, dropped] = proposed as [Topic, Topic, Topic, Topic];
    const { meeting } = await apiAs(agency, endpoints.getCycleMeeting, { params: { cycleId } });
    expect(meeting?.status).toBe('scheduled');
    meetingId = meeting!.id;
  });

  /**
   * The facilitator opens an agenda item, or a topic within "Topics"; the followers' screens
   * move with it (no waiting for the server to store it: a response read in between must not
   * send them back).
   */
  async function lead(to: { item: Item } | { topic: Topic }): Promise<void> {
    if ('item' in to) await agendaItem(agency, to.item).click();
    else await topicRow(agency, to.topic.title).click();
  }

  test.afterAll(async () => {
    for (const p of everyone ?? []) await p.context.close();
  });

  test('the agency starts the meeting from the plan, the client is told at once, everyone joins', async () => {
    await client.page.goto(`/cycles/${cycleId}?tab=meeting`);
    await expect(
      client.page.getByText('You are invited. The room opens when the agency starts the meeting.'),
    ).toBeVisible();

    await agency.page.goto(`/cycles/${cycleId}?tab=meeting`);
    await agency.page.getByRole('button', { name: 'Start the meeting' }).click();
    await agency.page
      .getByRole('dialog', { name: 'Start the meeting now?' })
      .getByRole('button', { name: 'Start the meeting' })
      .click();
    // Starting leads straight into the room.
    await expect(agency.page).toHaveURL(new RegExp(`/meetings/${meetingId}$`));
    await expect(agency.page.getByText('You lead: everyone sees what you open.')).toBeVisible();

    // The client's plan page hears of it without a reload, and leads into the room.
    await expect(client.page.getByText('The meeting is on now. Join the room.')).toBeVisible();
    await client.page.getByRole('link', { name: 'Open the room' }).click();
    await expect(client.page).toHaveURL(new RegExp(`/meetings/${meetingId}$`));
    await smm.page.goto(`/meetings/${meetingId}`);

    for (const p of [client, smm]) await expect(p.page.getByText(words[p.lang].following)).toBeVisible();
    await expect(agency.page.getByRole('button', { name: /Who is here\b.*3 online/ })).toBeVisible();
    await expect(client.page.getByRole('button', { name: /Who is here\b.*3 online/ })).toBeVisible();
    for (const p of everyone) await expect(notesStatus(p)).toHaveText(words[p.lang].connected);

    await expectAccessible(agency.page);
    await expectAccessible(client.page);
  });

  test('an idea the client adds appears for the agency without a reload', async () => {
    // The facilitator opens the topics: everyone's screen goes along.
    await lead({ item: 'topics' });
    for (const p of everyone) await expect(topicHeading(p, topics[0]!.title)).toBeVisible();

    await client.page.getByRole('button', { name: 'Add idea' }).click();
    const form = client.page.getByRole('dialog', { name: 'New idea' });
    await form.getByLabel('Title').fill(idea);
    await form.getByRole('button', { name: 'Add to the plan' }).click();
    await expect(form).toBeHidden();

    for (const p of everyone) await expect(topicRow(p, idea)).toBeVisible();
    const plan = await apiAs(agency, endpoints.getPlan, { params: { cycleId } });
    expect(plan.topics.find((t) => t.title === idea)?.source).toBe('meeting');
  });

  test('votes stay within the budget of 3 and every screen counts the same', async () => {
    const addVote = client.page.getByRole('button', { name: 'Add a vote' });

    await lead({ topic: voted });
    await expect(topicHeading(client, voted.title)).toBeVisible();
    await addVote.click();
    await expect(client.page.getByLabel('Your votes: 1')).toBeVisible();
    await addVote.click();
    await expect(client.page.getByLabel('Your votes: 2')).toBeVisible();
    await expect(client.page.getByText('1 of 3 votes left')).toBeVisible();
    for (const p of everyone) await expect(topicRow(p, voted.title)).toContainText(words[p.lang].votes(2));

    await lead({ topic: alsoVoted });
    await expect(topicHeading(client, alsoVoted.title)).toBeVisible();
    await addVote.click();
    await expect(client.page.getByLabel('Your votes: 1')).toBeVisible();

    // The budget is spent: no fourth dot, and the screen says why.
    await expect(client.page.getByText('0 of 3 votes left')).toBeVisible();
    await expect(addVote).toBeDisabled();
    // The server holds the line too, whatever a browser sends.
    const res = await client.context.request.put(
      urlOf(endpoints.voteOnTopic, { params: { meetingId, topicId: parked.id } }),
      {
        data: { dots: 1 },
        headers: { origin: server.baseURL },
      },
    );
    expect(res.status()).toBe(409);
    expect((await res.json()).error.code).toBe('vote_budget');

    // A dot of the second contact adds up with the first one's.
    for (const p of everyone)
      await expect(topicRow(p, alsoVoted.title)).toContainText(words[p.lang].votes(1));
    await lead({ topic: voted });
    await expect(topicHeading(smm, voted.title)).toBeVisible();
    await smm.page.getByRole('button', { name: words.uk.addVote }).click();

    for (const p of everyone) {
      await expect(topicRow(p, voted.title)).toContainText(words[p.lang].votes(3));
      await expect(topicRow(p, alsoVoted.title)).toContainText(words[p.lang].votes(1));
    }
  });

  test('parking a topic takes it out of the plan and into the client’s reserve', async () => {
    await lead({ topic: parked });
    await expect(topicHeading(client, parked.title)).toBeVisible();

    // Decisions are taken together: here by the client.
    await client.page.getByRole('group', { name: 'Decision' }).getByRole('button', { name: 'Park' }).click();
    const confirm = client.page.getByRole('dialog', { name: 'Park this topic?' });
    await confirm.getByRole('button', { name: 'Park' }).click();
    await expect(confirm).toBeHidden();
    const inReserve = 'In the reserve now: it can come back in a later month.';
    await expect(client.page.getByText(inReserve)).toBeVisible();
    await expect(agency.page.getByText(inReserve)).toBeVisible();

    const plan = await apiAs(agency, endpoints.getPlan, { params: { cycleId } });
    expect(plan.topics.map((t) => t.id)).not.toContain(parked.id);
    const reserve = await apiAs(agency, endpoints.listReserve, { params: { clientId } });
    expect(reserve.topics.map((t) => t.id)).toContain(parked.id);

    // The agency finds it on the client's reserve tab (another tab: the room stays open).
    const tab = await agency.context.newPage();
    await tab.goto(`/clients/${clientId}?tab=reserve`);
    await expect(tab.getByText(parked.title)).toBeVisible();
    await tab.close();
  });

  test('the notes are written together', async () => {
    await appendNote(agency, lines.agency);
    await expect(notesBox(client)).toContainText(lines.agency);
    await expect(notesBox(smm)).toContainText(lines.agency);

    await appendNote(client, lines.client);
    for (const p of [agency, smm]) {
      await expect(notesBox(p)).toContainText(lines.agency);
      await expect(notesBox(p)).toContainText(lines.client);
    }
  });

  test('everyone follows the facilitator; whoever looks around comes back with one click', async () => {
    await lead({ item: 'whatIf' });
    for (const p of [client, smm]) {
      await expect(agendaItem(p, 'whatIf')).toHaveAttribute('aria-current', 'step');
      await expect(p.page.getByText(words[p.lang].following)).toBeVisible();
    }
    await expect(client.page.getByText('Рілс «За лаштунками виступу»')).toBeVisible();

    // The client looks at the questions on their own…
    await agendaItem(client, 'questions').click();
    await expect(agendaItem(client, 'questions')).toHaveAttribute('aria-current', 'step');
    await expect(
      client.page.getByText(/You are looking around on your own\. .+ is on “What if”\./),
    ).toBeVisible();
    await expect(client.page.getByText('Чи можемо анонсувати дегустацію заздалегідь')).toBeVisible();

    // …and stays there while the facilitator moves on; the others go along.
    await lead({ item: 'news' });
    await expect(agendaItem(smm, 'news')).toHaveAttribute('aria-current', 'step');
    await expect(
      client.page.getByText(/You are looking around on your own\. .+ is on “Client news”\./),
    ).toBeVisible();
    await expect(agendaItem(client, 'questions')).toHaveAttribute('aria-current', 'step');

    await client.page.getByRole('button', { name: words.en.back }).click();
    await expect(agendaItem(client, 'news')).toHaveAttribute('aria-current', 'step');
    await expect(client.page.getByText(words.en.following)).toBeVisible();

    // Back to the topics for what follows.
    await lead({ item: 'topics' });
    for (const p of everyone) await expect(agendaItem(p, 'topics')).toHaveAttribute('aria-current', 'step');
  });

  test('the server stops mid-meeting and starts again: everyone reconnects and nothing is lost', async () => {
    test.setTimeout(120_000);
    await server.stop('SIGTERM');
    for (const p of everyone) await expect(liveStatus(p)).toHaveText(words[p.lang].reconnecting);

    await server.start();
    for (const p of everyone) {
      await expect(liveStatus(p)).toBeEmpty({ timeout: 45_000 });
      await expect(notesStatus(p)).toHaveText(words[p.lang].connected, { timeout: 45_000 });
    }
    await expect(agency.page.getByRole('button', { name: /Who is here\b.*3 online/ })).toBeVisible();

    // What was acknowledged before the stop is still there, on every screen and on the server.
    for (const p of everyone) {
      await expect(topicRow(p, idea)).toBeVisible();
      await expect(topicRow(p, voted.title)).toContainText(words[p.lang].votes(3));
      await expect(topicRow(p, alsoVoted.title)).toContainText(words[p.lang].votes(1));
      await expect(notesBox(p)).toContainText(lines.agency);
      await expect(notesBox(p)).toContainText(lines.client);
    }
    const { meeting } = await apiAs(agency, endpoints.getMeeting, { params: { meetingId } });
    expect(meeting.status).toBe('live');
    expect(meeting.tallies.find((t) => t.topicId === voted.id)?.dots).toBe(3);
    expect(meeting.decisions.find((d) => d.topicId === parked.id)?.kind).toBe('park');

    // A change right after reconnecting reaches the others: notes and a vote taken back.
    await appendNote(smm, lines.afterStop);
    await expect(notesBox(agency)).toContainText(lines.afterStop);
    await expect(notesBox(client)).toContainText(lines.afterStop);
    await lead({ topic: alsoVoted });
    await expect(topicHeading(client, alsoVoted.title)).toBeVisible();
    await client.page.getByRole('button', { name: 'Take a vote back' }).click();
    for (const p of [agency, smm]) {
      await expect(topicRow(p, alsoVoted.title)).not.toContainText(words[p.lang].votes(1));
    }
  });

  test('the server crashes (SIGKILL): acknowledged changes are on disk and everyone resyncs', async () => {
    test.setTimeout(120_000);
    // A decision and a line of notes, each acknowledged (another screen shows it) just before.
    await lead({ topic: dropped });
    await expect(topicHeading(client, dropped.title)).toBeVisible();
    await agency.page.getByRole('group', { name: 'Decision' }).getByRole('button', { name: 'Drop' }).click();
    await expect(
      client.page.getByRole('group', { name: 'Decision' }).getByRole('button', { name: 'Drop' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await appendNote(client, lines.beforeCrash);
    await expect(notesBox(agency)).toContainText(lines.beforeCrash);

    await server.stop('SIGKILL');
    for (const p of everyone) await expect(liveStatus(p)).toHaveText(words[p.lang].reconnecting);
    // The data folder as the crash left it: the server starts again on it, the test reads a copy.
    const copy = await server.snapshot();
    await server.start();

    const onDisk = await readDataDir(copy, meetingId);
    expect(onDisk.decisions).toContainEqual({ topic_id: dropped.id, kind: 'drop' });
    expect(onDisk.decisions).toContainEqual({ topic_id: parked.id, kind: 'park' });
    expect(onDisk.dots[voted.id]).toBe(3);
    for (const line of [lines.agency, lines.client, lines.afterStop, lines.beforeCrash]) {
      expect(onDisk.notes).toContain(line);
    }

    for (const p of everyone) {
      await expect(liveStatus(p)).toBeEmpty({ timeout: 45_000 });
      await expect(notesStatus(p)).toHaveText(words[p.lang].connected, { timeout: 45_000 });
    }
    // A screen loaded afresh from the restarted server sees it all.
    await smm.page.reload();
    await expect(notesBox(smm)).toContainText(lines.beforeCrash);
    await expect(topicRow(smm, dropped.title)).toContainText('Відхилено');
    await expect(topicRow(smm, voted.title)).toContainText(words.uk.votes(3));

    await appendNote(agency, lines.afterCrash);
    await expect(notesBox(client)).toContainText(lines.afterCrash);
    await expect(notesBox(smm)).toContainText(lines.afterCrash);
  });

  test('ending the meeting shows both sides the summary of it all, and the month moves on to facts', async () => {
    await agency.page.getByRole('banner').getByRole('button', { name: 'End meeting' }).click();
    const dialog = agency.page.getByRole('dialog', { name: 'End the meeting?' });
    await dialog.getByRole('button', { name: 'End meeting' }).click();
    // Topics nobody decided on: accept them as they are.
    await expect(dialog).toContainText(/topics have no decision\. Accept them as they are/);
    await dialog.getByRole('button', { name: 'Accept and end' }).click();

    // Every screen turns into the summary, with every acknowledged line of the notes in it.
    for (const p of everyone) {
      const summary = p.page.getByRole('main');
      await expect(
        summary.getByRole('heading', { level: 2, name: words[p.lang].summary, exact: true }),
      ).toBeVisible();
      for (const text of [idea, parked.title, dropped.title, ...Object.values(lines)]) {
        await expect(summary).toContainText(text);
      }
    }
    for (const p of [agency, client]) {
      const region = (name: string) => p.page.getByRole('region', { name, exact: true });
      await expect(region('Parked in the reserve')).toContainText(parked.title);
      await expect(region('Dropped')).toContainText(dropped.title);
      await expect(region('New ideas')).toContainText(idea);
      await expect(region('Notes')).toContainText(lines.client);
      await expect(region('The client’s plans')).toContainText('Виступ на Kyiv Coffee Fest');
      await expect(region('The client’s plans')).toContainText('Рілс «За лаштунками виступу»');
      await expect(region('Questions')).toContainText('Чи можемо анонсувати дегустацію заздалегідь');
    }

    const { cycles } = await apiAs(agency, endpoints.listCycles, { params: { clientId } });
    expect(cycles.find((c) => c.id === cycleId)?.stage).toBe('facts');

    // The PDF is there for whoever sees the meeting.
    const href = await client.page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    const pdf = await client.context.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await expectAccessible(agency.page);
    await expectAccessible(client.page);
  });
});

/** "2026-12" → "2027-01". */
const monthAfter = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

test('fire mode: the client reviews the plan in writing, the agency answers and closes the review', async ({
  browser,
}) => {
  const base = server.baseURL;
  const agency = await signedIn(browser, base, 'cm@plit.demo', 'en');
  const client = await signedIn(browser, base, 'pr@bookfair.demo', 'en');
  try {
    // A month of Lviv Book Fair, prepared through the API: a slot with a topic, a free slot,
    // a topic without a slot; shared, and a written review (format "async") due in three days.
    const { clients } = await apiAs(agency, endpoints.listClients, {});
    const lviv = clients.find((c) => c.name === 'Lviv Book Fair')!;
    const { channels } = await apiAs(agency, endpoints.listChannels, { params: { clientId: lviv.id } });
    const instagram = channels.find((c) => c.network === 'instagram')!;
    const { cycles } = await apiAs(agency, endpoints.listCycles, { params: { clientId: lviv.id } });
    let month = monthAfter(new Date().toISOString().slice(0, 7));
    while (cycles.some((c) => c.month === month)) month = monthAfter(month);
    const { cycle } = await apiAs(agency, endpoints.startCycle, {
      params: { clientId: lviv.id },
      body: { month },
    });
    const slotOn = (day: string) =>
      apiAs(agency, endpoints.createSlot, {
        params: { cycleId: cycle.id },
        body: { date: `${month}-${day}`, time: '10:00', channelId: instagram.id, format: 'post' },
      });
    const topicCalled = async (title: string) =>
      (await apiAs(agency, endpoints.createTopic, { params: { cycleId: cycle.id }, body: { title } })).topic;
    const { slot } = await slotOn('10');
    await slotOn('17');
    const placed = await topicCalled('Зустріч з авторкою нового роману');
    const unplaced = await topicCalled('Книжковий квест містом');
    await apiAs(agency, endpoints.placeTopicInSlot, {
      params: { slotId: slot.id },
      body: { topicId: placed.id, version: slot.version },
    });
    const plan = await apiAs(agency, endpoints.getPlan, { params: { cycleId: cycle.id } });
    await apiAs(agency, endpoints.shareCycle, {
      params: { cycleId: cycle.id },
      body: { version: plan.cycle.version },
    });
    const { contacts } = await apiAs(agency, endpoints.listContacts, { params: { clientId: lviv.id } });
    const pr = contacts.find((c) => c.email === 'pr@bookfair.demo')!;
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const { meeting } = await apiAs(agency, endpoints.scheduleMeeting, {
      params: { cycleId: cycle.id },
      body: { format: 'async', date: due, time: '18:00', participantIds: [pr.userId] },
    });

    // The agency opens the review; the client's page shows it at once.
    await client.page.goto(`/cycles/${cycle.id}?tab=meeting`);
    await expect(
      client.page.getByText('The agency opens the review soon. You will get an email when it starts.'),
    ).toBeVisible();
    await agency.page.goto(`/cycles/${cycle.id}?tab=meeting`);
    await agency.page.getByRole('button', { name: 'Open the review' }).click();
    await agency.page
      .getByRole('dialog', { name: 'Open the written review?' })
      .getByRole('button', { name: 'Open the review' })
      .click();
    for (const p of [agency, client]) {
      await expect(p.page.getByRole('heading', { name: 'The plan, reviewed in writing' })).toBeVisible();
      await expectAccessible(p.page);
    }

    const card = (p: Person, name: string) => p.page.getByRole('article', { name, exact: true });
    // The client accepts the planned topic and asks for a change of the free slot.
    await card(client, placed.title).getByRole('button', { name: 'Accept' }).click();
    await expect(card(client, placed.title)).toContainText('Client accepts');
    const ask = 'Можна цей слот перенести на вечір?';
    await card(client, 'Free slot').getByRole('textbox').fill(ask);
    await card(client, 'Free slot').getByRole('button', { name: 'Ask for changes' }).click();
    await expect(card(client, 'Free slot')).toContainText('Client asks for changes');

    // The agency sees both without a reload, answers, and decides.
    await expect(card(agency, placed.title)).toContainText('Client accepts');
    await expect(card(agency, 'Free slot')).toContainText(ask);
    const answer = 'Так, перенесемо на 19:00.';
    await card(agency, 'Free slot').getByRole('textbox').fill(answer);
    await card(agency, 'Free slot').getByRole('button', { name: 'Answer' }).click();
    await expect(card(client, 'Free slot')).toContainText(answer);
    await card(agency, placed.title)
      .getByRole('group', { name: 'Decision' })
      .getByRole('button', { name: 'Accept' })
      .click();
    await expect(card(client, placed.title)).toContainText(/Accepted · \S/);
    await card(agency, unplaced.title)
      .getByRole('group', { name: 'Decision' })
      .getByRole('button', { name: 'Park' })
      .click();
    await agency.page.getByRole('dialog').getByRole('button', { name: 'Park' }).click();
    await expect(agency.page.getByText('1 topic went to the reserve.')).toBeVisible();
    await expect(card(client, unplaced.title)).toBeHidden();

    await agency.page.getByRole('button', { name: 'Close the review' }).click();
    await agency.page
      .getByRole('dialog', { name: 'Close the review?' })
      .getByRole('button', { name: 'Close the review' })
      .click();

    for (const p of [agency, client]) {
      await expect(p.page.getByRole('heading', { name: 'Summary of the written review' })).toBeVisible();
      await expect(
        p.page.getByText(
          'No meeting was possible this month, so the plan was agreed in writing (fire mode).',
        ),
      ).toBeVisible();
      const comments = p.page.getByRole('region', { name: 'Comments on the plan' });
      await expect(comments).toContainText(ask);
      await expect(comments).toContainText(answer);
      await expect(p.page.getByRole('region', { name: 'Parked in the reserve' })).toContainText(
        unplaced.title,
      );
      await expect(p.page.getByRole('region', { name: 'Agreed schedule' })).toContainText(placed.title);
    }
    const ended = await apiAs(agency, endpoints.getMeeting, { params: { meetingId: meeting.id } });
    expect(ended.meeting.summary?.fireMode).toBe(true);
    const after = await apiAs(agency, endpoints.getPlan, { params: { cycleId: cycle.id } });
    expect(after.cycle.stage).toBe('facts');
    await expectAccessible(client.page);
  } finally {
    await agency.context.close();
    await client.context.close();
  }
});
