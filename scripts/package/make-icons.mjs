// Draws the application icon (resources/icons/icon.png, icon.ico) from code, so the artwork is reproducible without an image editor.
// Run: node scripts/package/make-icons.mjs. The design: a blue rounded tile, a white face outline, and a door-lock dot — face recognition meets access control.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const OUT = 'resources/icons';
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

// Coverage of one pixel by the shapes, from signed distances (negative = inside), anti-aliased by 4x4 supersampling.
function shade(x, y) {
  const roundedSquare = (px, py, half, radius) => {
    const qx = Math.abs(px) - half + radius;
    const qy = Math.abs(py) - half + radius;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
  const tile = roundedSquare(x, y, 0.94, 0.22);
  if (tile > 0) return null;
  // Face outline: an ellipse ring slightly above centre.
  const ring = Math.abs(Math.hypot(x / 0.5, (y + 0.08) / 0.62) - 1) * 0.5 - 0.055;
  // Eyes and the lock dot below the chin.
  const eyes = Math.min(Math.hypot(x - 0.19, y + 0.2), Math.hypot(x + 0.19, y + 0.2)) - 0.07;
  const lock = roundedSquare(x, y - 0.7, 0.13, 0.04);
  const white = Math.min(ring, eyes, lock) < 0;
  if (white) return [255, 255, 255];
  // Vertical gradient, dark blue to brighter blue.
  const t = (y + 1) / 2;
  return [Math.round(20 + 30 * t), Math.round(70 + 60 * t), Math.round(160 + 70 * t)];
}

function render(size) {
  const SS = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    raw[row * (size * 4 + 1)] = 0; // filter: none
    for (let col = 0; col < size; col++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = ((col + (sx + 0.5) / SS) / size) * 2 - 1;
          const y = ((row + (sy + 0.5) / SS) / size) * 2 - 1;
          const c = shade(x, y);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = row * (size * 4 + 1) + 1 + col * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ICO with PNG-compressed entries (Windows Vista and later read these; electron-builder needs the 256 px one).
function ico(images) {
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(([size, png], i) => {
    const e = 6 + 16 * i;
    head[e] = size >= 256 ? 0 : size;
    head[e + 1] = size >= 256 ? 0 : size;
    head.writeUInt16LE(1, e + 4); // planes
    head.writeUInt16LE(32, e + 6); // bits per pixel
    head.writeUInt32LE(png.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([head, ...images.map(([, png]) => png)]);
}

mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/icon.png`, render(512));
writeFileSync(`${OUT}/icon.ico`, ico(ICO_SIZES.map((s) => [s, render(s)])));
console.log(`wrote ${OUT}/icon.png (512 px) and ${OUT}/icon.ico (${ICO_SIZES.join(', ')} px)`);
