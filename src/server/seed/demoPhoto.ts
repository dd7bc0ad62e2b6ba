import zlib from 'node:zlib';

/**
 * A small picture for the demo's answered "photos" item: a coffee bag on a warm background,
 * drawn as a real PNG, so a newcomer sees previews work without any file shipped with Plit.
 */
export function demoCoffeeBagPng(width = 480, height = 320): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const inBag = x > width * 0.36 && x < width * 0.64 && y > height * 0.18 && y < height * 0.88;
      const inLabel = inBag && y > height * 0.45 && y < height * 0.65 && x > width * 0.4 && x < width * 0.6;
      const shade = 1 - y / height / 3;
      const [r, g, b] = inLabel
        ? [240, 226, 200]
        : inBag
          ? [92, 58, 36]
          : [214 * shade, 170 * shade, 120 * shade];
      row.set([r, g, b].map(Math.round), 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
