import zlib from 'node:zlib';
import type { App } from '../../src/server/context.ts';
import { endpoints } from '../../src/shared/api/catalogue.ts';
import { urlOf } from '../../src/shared/api/endpoint.ts';
import { type Reply, raw } from './http.ts';

/** A real PNG of the given size in one colour: a photo as far as any check can tell. */
export function makePng(width = 32, height = 32, rgb: [number, number, number] = [200, 120, 60]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A multipart/form-data body with one file, as a browser's FormData would send it. */
export function multipart(name: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = `----plit${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return {
    body: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * Upload one file for a fact item. A multipart body cannot go through `api()`, so this is a
 * `raw()` call whose path still comes from the catalogue; the reply stays untyped because the
 * tests send refused files (empty, programs, too large) through here as often as good ones.
 */
export function upload(
  app: App,
  itemId: string,
  cookie: string,
  name: string,
  content: Buffer,
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions that read them
): Promise<Reply<any>> {
  const { body, contentType } = multipart(name, content);
  return raw(app, 'POST', urlOf(endpoints.uploadFactFile, { params: { itemId } }), {
    cookie,
    body,
    headers: { 'content-type': contentType },
  });
}
