// Reads one file out of a .tgz (an npm package tarball) with Node alone: gunzip, then walk the tar headers.
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

const text = (buf, start, length) => {
  const raw = buf.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
};

/** The paths a pax extended header ('x') sets for the next entry; other pax keys do not matter here. */
function paxPath(data) {
  for (const record of data.toString('utf8').split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(record);
    if (m) return m[1];
  }
  return undefined;
}

/** Returns the contents of `wanted` (a path inside the archive, e.g. "package/bin/node.exe"), or throws naming what the archive holds. */
export function extractFromTgz(tgz, wanted) {
  const tar = gunzipSync(tgz);
  const seen = [];
  let nextPath;
  for (let offset = 0; offset + BLOCK <= tar.length;) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = text(header, 345, 155);
    const name = nextPath ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    const dataStart = offset + BLOCK;
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      nextPath = paxPath(data);
      continue;
    }
    if (type === 'L') {
      nextPath = text(data, 0, data.length);
      continue;
    }
    nextPath = undefined;
    if ((type === '0' || type === '\0') && name === wanted) return Buffer.from(data);
    seen.push(name);
  }
  throw new Error(
    `${wanted} is not in the archive (it holds: ${seen.slice(0, 10).join(', ')}${seen.length > 10 ? ', …' : ''}).`,
  );
}
