// The fuse Node's single-executable support looks for: postject flips its last character from 0 to 1 when it injects a blob.

export const SEA_SENTINEL = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
export const SEA_RESOURCE = 'NODE_SEA_BLOB';

/** 'flipped' (a blob was injected), 'unflipped' (a plain Node binary), or 'missing'/'ambiguous' (not a Node binary we understand). */
export function seaFuseState(buf) {
  const needle = Buffer.from(`${SEA_SENTINEL}:`, 'latin1');
  const first = buf.indexOf(needle);
  if (first === -1) return 'missing';
  if (buf.indexOf(needle, first + 1) !== -1) return 'ambiguous';
  const flag = buf[first + needle.length];
  return flag === 0x31 ? 'flipped' : flag === 0x30 ? 'unflipped' : 'ambiguous';
}
