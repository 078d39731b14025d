#!/usr/bin/env node
/**
 * Draws the add-in icons (16, 32, 64, 80 px) as PNGs with zlib only: a green rounded tile with a
 * small white table and a check mark. Run once; the PNGs are committed in assets/.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SS = 4; // supersampling per axis

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Colour at unit coordinates (0..1) or null for transparent. */
function shade(x, y) {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const green = [0x21, 0x73, 0x46];
  const white = [0xff, 0xff, 0xff];
  // table: white rectangle with green rule lines
  if (x > 0.2 && x < 0.8 && y > 0.22 && y < 0.72) {
    const line = 0.035;
    const rows = [0.38, 0.55];
    const col = 0.42;
    if (rows.some((ry) => Math.abs(y - ry) < line / 2) || (Math.abs(x - col) < line / 2 && y > 0.38)) return [0x9f, 0xd5, 0xb5];
    if (y < 0.38) return [0xd8, 0xf0, 0xe2];
    return white;
  }
  // check mark: two thick segments, amber
  const d = (ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  if (Math.min(d(0.5, 0.78, 0.6, 0.88), d(0.6, 0.88, 0.86, 0.58)) < 0.055) return [0xff, 0xc8, 0x3d];
  return green;
}

function draw(size) {
  const buf = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      }
      const i = (py * size + px) * 4;
      if (a) {
        buf[i] = Math.round(r / a); buf[i + 1] = Math.round(g / a); buf[i + 2] = Math.round(b / a);
      }
      buf[i + 3] = Math.round((255 * a) / (SS * SS));
    }
  }
  return png(size, buf);
}

for (const size of [16, 32, 64, 80]) {
  const file = path.join(root, 'assets', `icon-${size}.png`);
  fs.writeFileSync(file, draw(size));
  console.log(`wrote ${path.relative(root, file)}`);
}
