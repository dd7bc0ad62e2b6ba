import { expect, type Locator, type Page, test } from '@playwright/test';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { callApi, emailedLink, expectAccessible, logInByApi, pinLanguage } from './support.ts';

/**
 * The whole way a client's marketing lead joins: a content manager invites them, the email
 * reaches them (the run's mail sink) and is listed in the owner's outbox, and the link lets the
 * contact in, to their client only.
 */
test('a content manager invites a client contact, who joins by the emailed link', async ({
  browser,
  baseURL,
}) => {
  const contactEmail = `lead-${Date.now()}@kyivcoffee.demo`;

  // The content manager sends the invitation from the client's Contacts tab.
  const agency = await browser.newContext();
  await pinLanguage(agency, 'en');
  await logInByApi(agency, baseURL!, 'cm@plit.demo');
  const cm = await agency.newPage();
  await cm.goto('/');
  await cm.getByRole('link', { name: /Kyiv Coffee Roasters/ }).click();
  await cm.getByRole('tab', { name: 'Contacts' }).click();
  await expect(cm.getByRole('heading', { name: 'Contacts' })).toBeVisible();
  await cm.getByRole('button', { name: 'Invite contact' }).click();
  const dialog = cm.getByRole('dialog');
  await dialog.getByLabel('Email').fill(contactEmail);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(cm.getByText(`Invitation sent to ${contactEmail}`)).toBeVisible();
  await expect(cm.getByText(contactEmail).first()).toBeVisible();
  await expectAccessible(cm);
  await agency.close();

  // The owner finds the email in Settings → Outbox (its link shown there is not for use).
  const ownerContext = await browser.newContext();
  await pinLanguage(ownerContext, 'en');
  await logInByApi(ownerContext, baseURL!, 'owner@plit.demo');
  const owner = await ownerContext.newPage();
  await owner.goto('/');
  await owner.getByRole('link', { name: 'Outbox' }).click();
  await expect(owner.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  await expectAccessible(owner);
  await owner
    .getByRole('link', { name: /Invitation to Plit/ })
    .first()
    .click();
  await expect(owner.getByText(contactEmail).first()).toBeVisible();
  await ownerContext.close();

  // The contact opens the emailed link in their own browser, in Ukrainian, and joins without a
  // password. The address is this run's own: no other email to it can come first.
  const link = await emailedLink(contactEmail, 'invite');
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const contactContext = await browser.newContext();
  await pinLanguage(contactContext, 'uk');
  const contact = await contactContext.newPage();
  await contact.goto(new URL(link).pathname);
  await expect(contact.getByRole('heading', { name: 'Прийняти запрошення' })).toBeVisible();
  await expect(contact.getByText('Kyiv Coffee Roasters')).toBeVisible();
  await expectAccessible(contact);
  await contact.getByLabel('Ваше ім’я').fill('Оксана Литвин');
  await contact.getByRole('button', { name: 'Прийняти запрошення' }).click();
  await expect(contact.getByRole('heading', { name: 'Kyiv Coffee Roasters', level: 1 })).toBeVisible();
  await expect(contact.getByText('Lviv Book Fair')).toHaveCount(0);

  // The same link does not work a second time.
  const again = await browser.newContext();
  const second = await again.newPage();
  await second.goto(new URL(link).pathname);
  await expect(second.getByText(/не дійсне|недійсне|більше не діє|not valid/)).toBeVisible();
  await again.close();
  await contactContext.close();
});

/** A control a finger can hit without scrolling sideways: inside the screen's width, 40 px or more. */
async function expectInReach(page: Page, control: Locator) {
  await expect(control).toBeVisible();
  const box = (await control.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x, 'starts on the screen').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'ends on the screen').toBeLessThanOrEqual(width);
  expect(box.height, 'tall enough to tap').toBeGreaterThanOrEqual(40);
  expect(box.width, 'wide enough to tap').toBeGreaterThanOrEqual(40);
}

async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/**
 * On a 390 px phone the team's and a client's people and invitations are cards: every action of
 * an invitation and every role select is on the screen and big enough to tap, and the copied
 * link opens from the keyboard too.
 */
test('on a phone, invitations and roles are in reach without scrolling sideways', async ({
  browser,
  baseURL,
}) => {
  const stamp = Date.now();
  const memberEmail = `phone-member-${stamp}@plit.demo`;
  const contactEmail = `phone-contact-${stamp}@kyivcoffee.demo`;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  await pinLanguage(context, 'uk');
  await logInByApi(context, baseURL!, 'owner@plit.demo');
  const { clients } = await callApi(context.request, baseURL!, endpoints.listClients, {});
  const kyiv = clients.find((c) => c.name === 'Kyiv Coffee Roasters')!;
  await callApi(context.request, baseURL!, endpoints.sendInvitation, {
    body: { email: memberEmail, role: 'creator' },
  });
  await callApi(context.request, baseURL!, endpoints.sendInvitation, {
    body: { email: contactEmail, role: 'approver', clientId: kyiv.id },
  });
  const page = await context.newPage();

  // The team: a member's role select, and the invitation's three actions.
  await page.goto('/members');
  await expect(page.getByRole('heading', { name: 'Команда', level: 1 })).toBeVisible();
  const role = page.getByRole('combobox', { name: 'Роль: Марта Шевчук' });
  await expectInReach(page, role);
  await role.click();
  await expect(page.getByRole('option', { name: 'Креатор' })).toBeInViewport();
  await page.keyboard.press('Escape');
  await expectInReach(page, page.getByRole('button', { name: 'Видалити з команди: Марта Шевчук' }));
  const copy = page.getByRole('button', { name: `Копіювати посилання: запрошення для ${memberEmail}` });
  for (const action of [
    page.getByRole('button', { name: `Надіслати ще раз: запрошення для ${memberEmail}` }),
    copy,
    page.getByRole('button', { name: `Відкликати: запрошення для ${memberEmail}` }),
  ]) {
    await action.scrollIntoViewIfNeeded();
    await expectInReach(page, action);
  }
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // The link, from the keyboard: it opens, and closing gives the focus back to the button.
  await copy.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Посилання на запрошення' });
  await expect(dialog.getByRole('textbox', { name: 'Посилання' })).toHaveValue(
    /\/invite\/[A-Za-z0-9_-]{43}$/,
  );
  await expectInReach(page, dialog.getByRole('button', { name: 'Копіювати' }));
  await expectInReach(page, dialog.getByRole('button', { name: 'Закрити' }));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(copy).toBeFocused();

  // A client's contacts and their invitations.
  await page.goto(`/clients/${kyiv.id}?tab=contacts`);
  await expect(page.getByRole('heading', { name: 'Контакти', level: 2 })).toBeVisible();
  await expectInReach(page, page.getByRole('combobox', { name: 'Роль: Ірина Мельник' }));
  for (const action of [
    page.getByRole('button', { name: `Надіслати ще раз: запрошення для ${contactEmail}` }),
    page.getByRole('button', { name: `Копіювати посилання: запрошення для ${contactEmail}` }),
    page.getByRole('button', { name: `Відкликати: запрошення для ${contactEmail}` }),
  ]) {
    await action.scrollIntoViewIfNeeded();
    await expectInReach(page, action);
  }
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await context.close();
});
