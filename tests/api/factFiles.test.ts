import { readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factFiles } from '../../src/server/db/schema/index.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { urlOf } from '../../src/shared/api/endpoint.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeAgency } from '../support/factories.ts';
import { makeSentRequest } from '../support/facts.ts';
import { api } from '../support/http.ts';
import { listen } from '../support/live.ts';
import { makePng, multipart, upload } from '../support/uploads.ts';

/** Every file under the test app's files folder (temp files included): what is really on disk. */
async function filesOnDisk(t: TestApp): Promise<string[]> {
  const root = path.join(t.dataDir, 'files');
  try {
    return (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => d.name);
  } catch {
    return [];
  }
}

let t: TestApp;
beforeAll(async () => {
  // A small limit, so "too large" needs only a little more than a megabyte.
  t = await createTestApp({ MAX_UPLOAD_MB: '1' });
});
afterAll(() => t.close());

/** A fresh agency whose sent request asks for photos. */
const photosItem = async () => {
  const agency = await makeAgency(t.database.db);
  const sent = await makeSentRequest(t.database.db, agency, [{ question: 'Фото пачки', kind: 'files' }]);
  return { agency, item: sent.items[0]! };
};

describe('files for an answer', () => {
  it('a photo is stored, listed with a preview, downloaded as an attachment, never run', async () => {
    const { agency, item } = await photosItem();
    const png = makePng(48, 32);
    const res = await upload(t.app, item.id, agency.approver.cookie, 'пачка.png', png);
    expect(res.status).toBe(201);
    const [file] = res.body.request.items[0].files;
    expect(file).toMatchObject({
      name: 'пачка.png',
      contentType: 'image/png',
      size: png.length,
      previewable: true,
      uploadedBy: { id: agency.approver.id },
    });
    const got = await api(t.app, endpoints.downloadFactFile, {
      params: { fileId: file.id },
      cookie: agency.creator.cookie,
    });
    expect(got.status).toBe(200);
    expect(got.raw.equals(png)).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    const preview = await api(t.app, endpoints.downloadFactFile, {
      params: { fileId: file.id },
      query: { preview: '1' },
      cookie: agency.approver.cookie,
    });
    expect(preview.headers['content-disposition']).toMatch(/^inline;/);
    // A contact of another client, or another agency, does not learn the file exists.
    const outsider = await makeAgency(t.database.db);
    for (const cookie of [agency.otherClientApprover.cookie, outsider.owner.cookie]) {
      expect(
        (await api(t.app, endpoints.downloadFactFile, { params: { fileId: file.id }, cookie })).status,
      ).toBe(404);
      expect(
        (await api(t.app, endpoints.deleteFactFile, { params: { fileId: file.id }, cookie })).status,
      ).toBe(404);
      expect((await upload(t.app, item.id, cookie, 'x.png', png)).status).toBe(404);
    }
    // Submitting a files answer needs a file, and now there is one.
    const answered = await api(t.app, endpoints.submitFactAnswer, {
      params: { itemId: item.id },
      cookie: agency.approver.cookie,
      body: { answer: { kind: 'files', note: 'Світла і темна' }, answerVersion: 1 },
    });
    expect(answered.status).toBe(200);
  });

  it('judges a file by its bytes: an empty file, a program named .jpg, HTML are refused and nothing stays', async () => {
    const { agency, item } = await photosItem();
    const before = await filesOnDisk(t);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x90)]);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(500, 1)]);
    const cases: Array<[string, Buffer, number, string]> = [
      ['empty.jpg', Buffer.alloc(0), 400, 'file_empty'],
      ['holiday.jpg', exe, 415, 'file_type_not_allowed'],
      ['photo.jpg', elf, 415, 'file_type_not_allowed'],
      ['page.jpg', Buffer.from('<html><script>alert(1)</script></html>'), 415, 'file_type_not_allowed'],
      [
        'drawing.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        415,
        'file_type_not_allowed',
      ],
    ];
    for (const [name, bytes, status, code] of cases) {
      const res = await upload(t.app, item.id, agency.approver.cookie, name, bytes);
      expect(res.status, name).toBe(status);
      expect(res.body.error.code, name).toBe(code);
      expect(res.body.error.message).toBeTruthy();
    }
    const rows = await t.database.db.select().from(factFiles).where(eq(factFiles.itemId, item.id));
    expect(rows).toEqual([]);
    expect(await filesOnDisk(t)).toEqual(before);
  });

  it('a name with ../ and emoji is kept readable but harmless; the extension follows the bytes', async () => {
    const { agency, item } = await photosItem();
    const res = await upload(t.app, item.id, agency.approver.cookie, '../../etc/☕ кава 😀.jpg', makePng());
    expect(res.status).toBe(201);
    const [file] = res.body.request.items[0].files;
    expect(file.name).not.toMatch(/[/\\]/);
    expect(file.name).not.toContain('..');
    expect(file.name).toContain('☕ кава 😀');
    // The bytes are a PNG, whatever the name said.
    expect(file.name.endsWith('.png')).toBe(true);
    const [row] = await t.database.db.select().from(factFiles).where(eq(factFiles.id, file.id));
    expect(row!.storageKey).toMatch(/^[0-9a-f-]+\/[0-9a-f-]+$/);
    const got = await api(t.app, endpoints.downloadFactFile, {
      params: { fileId: file.id },
      cookie: agency.owner.cookie,
    });
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''");
  });

  it('a file over the limit is refused and not kept; a huge declared size is refused before the body', async () => {
    const { agency, item } = await photosItem();
    const before = await filesOnDisk(t);
    // A real PNG head, then just over the 1 MB limit of this test app: the declared size passes
    // the first check (multipart framing is allowed for), so the stream itself is cut at the limit.
    const justOver = Buffer.concat([makePng(), Buffer.alloc(1024 * 1024 + 1024, 7)]);
    // And one declared well over: refused from its headers.
    const wellOver = Buffer.concat([makePng(), Buffer.alloc(1.5 * 1024 * 1024, 7)]);
    for (const big of [justOver, wellOver]) {
      const res = await upload(t.app, item.id, agency.approver.cookie, 'big.png', big);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('file_too_large');
      expect(res.body.error.message).toMatch(/1 MB/);
    }
    expect(await t.database.db.select().from(factFiles).where(eq(factFiles.itemId, item.id))).toEqual([]);
    expect(await filesOnDisk(t)).toEqual(before);

    // 2 GB announced: the answer comes back while the body has not even started.
    const host = await listen(t.app);
    const { body, contentType } = multipart('film.mp4', Buffer.alloc(0));
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        `http://${host}${urlOf(endpoints.uploadFactFile, { params: { itemId: item.id } })}`,
        {
          method: 'POST',
          headers: {
            cookie: agency.approver.cookie,
            origin: 'http://plit.test',
            'content-type': contentType,
            'content-length': String(2 * 1024 * 1024 * 1024),
          },
        },
      );
      req.on('response', (r) => {
        let text = '';
        r.on('data', (c: Buffer) => {
          text += c.toString();
        });
        r.on('end', () => {
          resolve({ status: r.statusCode ?? 0, text });
          req.destroy();
        });
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      // Only the first bytes are ever sent.
      req.write(body.subarray(0, 100));
    });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('file_too_large');
  });

  it('files are removed by the client while the answer is open; the last one reopens a files answer', async () => {
    const { agency, item } = await photosItem();
    const first = await upload(t.app, item.id, agency.approver.cookie, 'a.png', makePng());
    const fileId = first.body.request.items[0].files[0].id;
    await api(t.app, endpoints.submitFactAnswer, {
      params: { itemId: item.id },
      cookie: agency.approver.cookie,
      body: { answer: { kind: 'files', note: '' }, answerVersion: 1 },
    });
    const byAgency = await api(t.app, endpoints.deleteFactFile, {
      params: { fileId },
      cookie: agency.contentManager.cookie,
    });
    expect(byAgency.status).toBe(403);
    const removed = await api(t.app, endpoints.deleteFactFile, {
      params: { fileId },
      cookie: agency.approver.cookie,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.request.items[0]).toMatchObject({ status: 'open', answer: null, files: [] });
    expect(
      (await api(t.app, endpoints.downloadFactFile, { params: { fileId }, cookie: agency.owner.cookie }))
        .status,
    ).toBe(404);
  });

  it("the writer's fact pack holds the topic's answers and files in one ZIP", async () => {
    const db = t.database.db;
    const agency = await makeAgency(db);
    const { request, plan, items } = await makeSentRequest(db, agency, [
      { question: 'Ціна', kind: 'text' },
      { question: 'Фото пачки', kind: 'files' },
    ]);
    const png = makePng(10, 10);
    await upload(t.app, items[1]!.id, agency.approver.cookie, 'пачка.png', png);
    await upload(t.app, items[1]!.id, agency.approver.cookie, 'пачка.png', png);
    await api(t.app, endpoints.submitFactAnswer, {
      params: { itemId: items[0]!.id },
      cookie: agency.approver.cookie,
      body: { answer: { kind: 'text', text: '320 грн' }, answerVersion: 1 },
    });
    const requestId = request.id;
    const topicId = plan.topics[0]!.id;
    const res = await api(t.app, endpoints.downloadFactPack, {
      params: { requestId, topicId },
      cookie: agency.creator.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment;.*\.zip/);
    const zip = await JSZip.loadAsync(res.raw);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toContain('answers.txt');
    const photos = names.filter((n) => n.endsWith('.png'));
    expect(photos).toHaveLength(2);
    expect(new Set(photos).size).toBe(2);
    expect((await zip.file(photos[0]!)!.async('nodebuffer')).equals(png)).toBe(true);
    const text = await zip.file('answers.txt')!.async('string');
    expect(text).toContain('Ціна');
    expect(text).toContain('320 грн');
    // In the reader's language (the creator has none set: Ukrainian, like most of Plit's users).
    expect(text).toContain('Відповідь: 320 грн');
    expect(text).toContain(agency.approver.name);
    // The pack is the agency's; the client and strangers do not get it.
    expect(
      (
        await api(t.app, endpoints.downloadFactPack, {
          params: { requestId, topicId },
          cookie: agency.approver.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(t.app, endpoints.downloadFactPack, {
          params: { requestId, topicId },
          cookie: agency.otherClientApprover.cookie,
        })
      ).status,
    ).toBe(404);
  });
});
