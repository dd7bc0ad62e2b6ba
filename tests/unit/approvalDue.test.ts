import { describe, expect, it } from 'vitest';
import { workingDaysBefore } from '../../src/server/planning/workingDays.ts';
import { approvalDueOn } from '../../src/server/posts/approvalDue.ts';

const none = () => false;

describe('[17.4] approval due: N working days before the publish day', () => {
  it('skips weekends', () => {
    // Tuesday 2027-01-12 → two working days before is Friday 2027-01-08.
    expect(workingDaysBefore('2027-01-12', 2, none)).toBe('2027-01-08');
    // Thursday → Tuesday.
    expect(workingDaysBefore('2027-01-14', 2, none)).toBe('2027-01-12');
  });
  it('a publication on a weekend counts from the working day before it', () => {
    // Sunday 2027-01-17: 0 days is Friday the 15th, 2 days is Wednesday the 13th.
    expect(workingDaysBefore('2027-01-17', 0, none)).toBe('2027-01-15');
    expect(workingDaysBefore('2027-01-17', 2, none)).toBe('2027-01-13');
  });
  it('skips the holidays it is given', () => {
    expect(workingDaysBefore('2027-01-12', 2, (d) => d === '2027-01-08')).toBe('2027-01-07');
  });
  it("reads the client's time zone and public holidays", async () => {
    // 00:30 on Wed 5 May 2027 in Warsaw (still the 4th in UTC). Two working days before it: Tue 4,
    // then Mon 3 is Constitution Day (a public holiday in Poland), so Fri 30 Apr.
    const due = await approvalDueOn(new Date('2027-05-04T22:30:00Z'), 2, {
      timezone: 'Europe/Warsaw',
      country: 'PL',
    });
    expect(due).toBe('2027-04-30');
  });
  it('a post sent after its deadline is due the day it was sent, not overdue at once', async () => {
    const client = { timezone: 'Europe/Warsaw', country: 'PL' };
    const publishAt = new Date('2027-05-04T22:30:00Z');
    // Sent in time: the rule decides.
    expect(await approvalDueOn(publishAt, 2, client, new Date('2027-04-28T10:00:00Z'))).toBe('2027-04-30');
    // Sent on Monday 3 May at 23:30 Warsaw time (21:30 UTC): due that local day.
    expect(await approvalDueOn(publishAt, 2, client, new Date('2027-05-03T21:30:00Z'))).toBe('2027-05-03');
  });
  it('reads every month a long lead reaches back into (February, between March and January)', async () => {
    // Monday 1 March 2027, 10 working days before; Monday 15 February is Presidents' Day in the US.
    const due = await approvalDueOn(new Date('2027-03-01T17:00:00Z'), 10, {
      timezone: 'America/New_York',
      country: 'US',
    });
    expect(due).toBe('2027-02-12');
  });
});
