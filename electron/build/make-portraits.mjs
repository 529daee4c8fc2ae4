// Generates the placeholder portraits of the bundled sample pack: one 320×400 PNG per
// official in assets/sample-pack/officials/, written to assets/sample-pack/photos/<id>.png.
// A soft two-tone gradient whose hue is derived from the official's id, and a stylised
// head-and-shoulders silhouette in a contrasting tone, anti-aliased. No dependencies:
// the PNG is assembled by hand (node:zlib for deflate, our own CRC-32).
//
//   node electron/build/make-portraits.mjs [packDir]
import { deflateSync } from 'node:zlib';
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const WIDTH = 320;
const HEIGHT = 400;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const packDir = resolve(process.argv[2] ?? join(root, 'assets/sample-pack'));

// ---- PNG encoding ------------------------------------------------------------------

const CRC_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c >>> 0;
}

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes 8-bit RGB pixels (width*height*3 bytes) as a PNG, using the Up filter on every row. */
function encodePng(width, height, rgb) {
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    raw[o] = 2; // filter type: Up
    for (let x = 0; x < stride; x++) {
      const above = y > 0 ? rgb[(y - 1) * stride + x] : 0;
      raw[o + 1 + x] = (rgb[y * stride + x] - above) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- colour and shape --------------------------------------------------------------

/** FNV-1a with a final avalanche (MurmurHash3's fmix32), so each id always gets the same portrait. */
function hash(text) {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hsl(h, s, l) {
  const a = s * Math.min(l, 1 - l);
  const f = (n) => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

const mix = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const clamp01 = (v) => Math.max(0, Math.min(1, v));

/** Signed distance to a rounded box centred at (cx, cy) with half-size (hx, hy) and corner radius r. */
function roundedBox(px, py, cx, cy, hx, hy, r) {
  const qx = Math.abs(px - cx) - hx + r;
  const qy = Math.abs(py - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Smooth minimum: unites two shapes with a soft fillet of radius k. */
function smoothMin(a, b, k) {
  const h = clamp01(0.5 + (0.5 * (b - a)) / k);
  return b + (a - b) * h - k * h * (1 - h);
}

function portrait(id) {
  const h = hash(id);
  const hue = h % 360;
  const hue2 = (hue + 360 + (h & 0x100 ? 1 : -1) * (25 + ((h >>> 9) % 40))) % 360;
  // Two styles, picked by another bit of the hash, so that ids whose hues happen to be close
  // still look different: a deep silhouette on a pale gradient, or a pale one on a deeper gradient.
  const pale = ((h >>> 20) & 1) === 0;
  const top = pale ? hsl(hue, 0.55, 0.86) : hsl(hue, 0.42, 0.6);
  const bottom = pale ? hsl(hue2, 0.5, 0.72) : hsl(hue2, 0.45, 0.42);
  const inkTop = pale ? hsl(hue, 0.3, 0.3) : hsl(hue, 0.45, 0.94);
  const inkBottom = pale ? hsl(hue2, 0.28, 0.38) : hsl(hue2, 0.35, 0.84);
  const glow = pale ? hsl(hue, 0.6, 0.95) : hsl(hue, 0.5, 0.74);

  // Small per-person variations keep the placeholders distinguishable.
  const mirror = ((h >>> 21) & 1) === 1; // gradient runs from top-left or from top-right
  const headR = 58 + ((h >>> 4) % 10);
  const headY = 158 + ((h >>> 12) % 14);
  const shoulderHalf = 130 + ((h >>> 16) % 18);
  const shoulderTop = headY + headR + 28;

  const rgb = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const gx = mirror ? WIDTH - 1 - x : x;
      const t = clamp01((0.8 * y + 0.35 * gx) / (0.8 * HEIGHT + 0.35 * WIDTH));
      let c = mix(top, bottom, t);
      // A soft halo behind the head.
      const halo = clamp01(1 - Math.hypot(x - 160, y - headY) / 190);
      c = mix(c, glow, 0.45 * halo * halo);

      const head = Math.hypot(x - 160, y - headY) - headR;
      const neck = roundedBox(x, y, 160, headY + headR + 8, 30, 26, 14);
      const shoulders = roundedBox(x, y, 160, shoulderTop + 140, shoulderHalf, 140, 96);
      const body = smoothMin(neck, shoulders, 34);
      const d = Math.min(head, body);
      const coverage = clamp01(0.5 - d);
      if (coverage > 0) {
        const ink = mix(inkTop, inkBottom, clamp01((y - headY + headR) / (HEIGHT - headY + headR)));
        c = mix(c, ink, 0.92 * coverage);
      }
      const o = (y * WIDTH + x) * 3;
      rgb[o] = Math.round(c[0]);
      rgb[o + 1] = Math.round(c[1]);
      rgb[o + 2] = Math.round(c[2]);
    }
  }
  return encodePng(WIDTH, HEIGHT, rgb);
}

// ---- main --------------------------------------------------------------------------

const ids = readdirSync(join(packDir, 'officials'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();
mkdirSync(join(packDir, 'photos'), { recursive: true });
for (const id of ids) {
  const png = portrait(id);
  writeFileSync(join(packDir, 'photos', `${id}.png`), png);
  console.log(`photos/${id}.png  ${(png.length / 1024).toFixed(1)} KB`);
}
