import { expect, test } from '@playwright/test';
import { emailedLink, expectAccessible, logInByApi, pinLanguage } from './support.ts';

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
