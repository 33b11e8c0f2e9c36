// Reads what matters about a Windows x64 executable for the CLI's packaging checks: headers, the signature slot and the resources.
// Enough of the PE/COFF format to prove a built xs4-setup.exe is a console PE with the SEA blob in it, without Windows.

const IMAGE_FILE_MACHINE_AMD64 = 0x8664;
const PE32_PLUS = 0x20b;
const DIR_RESOURCE = 2;
const DIR_SECURITY = 4;
/** Resource type id of raw data; Node looks the SEA blob up as RT_RCDATA named NODE_SEA_BLOB. */
export const RT_RCDATA = 10;

function fail(message) {
  throw new Error(`not a Windows x64 executable: ${message}`);
}

/** Headers, sections, the data directories that matter, and a function to map an RVA to a file offset. */
export function readPe(buf) {
  if (buf.length < 0x40 || buf.toString('latin1', 0, 2) !== 'MZ') fail('no MZ header');
  const peOffset = buf.readUInt32LE(0x3c);
  if (peOffset + 24 > buf.length || buf.toString('latin1', peOffset, peOffset + 4) !== 'PE\0\0')
    fail('no PE signature');
  const coff = peOffset + 4;
  const machine = buf.readUInt16LE(coff);
  const sectionCount = buf.readUInt16LE(coff + 2);
  const optionalSize = buf.readUInt16LE(coff + 16);
  const opt = coff + 20;
  const magic = buf.readUInt16LE(opt);
  if (magic !== PE32_PLUS) fail(`optional header magic 0x${magic.toString(16)} is not PE32+`);
  const subsystem = buf.readUInt16LE(opt + 68);
  const dirCount = buf.readUInt32LE(opt + 108);
  const dir = (i) =>
    i < dirCount
      ? { address: buf.readUInt32LE(opt + 112 + i * 8), size: buf.readUInt32LE(opt + 116 + i * 8) }
      : { address: 0, size: 0 };
  const sections = [];
  for (let i = 0, at = opt + optionalSize; i < sectionCount; i++, at += 40) {
    sections.push({
      name: buf.toString('latin1', at, at + 8).replace(/\0+$/, ''),
      virtualSize: buf.readUInt32LE(at + 8),
      virtualAddress: buf.readUInt32LE(at + 12),
      rawSize: buf.readUInt32LE(at + 16),
      rawOffset: buf.readUInt32LE(at + 20),
    });
  }
  const rvaToOffset = (rva) => {
    const s = sections.find(
      (x) => rva >= x.virtualAddress && rva < x.virtualAddress + Math.max(x.virtualSize, x.rawSize),
    );
    if (!s) throw new Error(`RVA 0x${rva.toString(16)} is in no section`);
    return rva - s.virtualAddress + s.rawOffset;
  };
  return {
    machine,
    isX64: machine === IMAGE_FILE_MACHINE_AMD64,
    /** 3 = console (a command-line program), 2 = GUI. */
    subsystem,
    sections,
    resourceDir: dir(DIR_RESOURCE),
    /** The Authenticode signature: a file offset and size, both 0 when unsigned. */
    signature: dir(DIR_SECURITY),
    rvaToOffset,
  };
}

/** Every resource leaf: type and name (a number, or a string for named ones), language, and where its bytes are in the file. */
export function listResources(buf, pe = readPe(buf)) {
  if (pe.resourceDir.address === 0) return [];
  const base = pe.rvaToOffset(pe.resourceDir.address);
  const nameAt = (off) => {
    const at = base + off;
    const length = buf.readUInt16LE(at);
    return buf.toString('utf16le', at + 2, at + 2 + length * 2);
  };
  const entries = (dirOffset) => {
    const at = base + dirOffset;
    const count = buf.readUInt16LE(at + 12) + buf.readUInt16LE(at + 14);
    return Array.from({ length: count }, (_, i) => {
      const e = at + 16 + i * 8;
      const id = buf.readUInt32LE(e);
      const target = buf.readUInt32LE(e + 4);
      return {
        key: id & 0x80000000 ? nameAt(id & 0x7fffffff) : id,
        isDir: (target & 0x80000000) !== 0,
        offset: target & 0x7fffffff,
      };
    });
  };
  const found = [];
  for (const type of entries(0).filter((e) => e.isDir)) {
    for (const name of entries(type.offset).filter((e) => e.isDir)) {
      for (const lang of entries(name.offset).filter((e) => !e.isDir)) {
        const data = base + lang.offset;
        const rva = buf.readUInt32LE(data);
        const size = buf.readUInt32LE(data + 4);
        found.push({ type: type.key, name: name.key, lang: lang.key, size, fileOffset: pe.rvaToOffset(rva) });
      }
    }
  }
  return found;
}

/** The bytes of the RT_RCDATA resource `name`, or null. */
export function readRcData(buf, name) {
  const r = listResources(buf).find((x) => x.type === RT_RCDATA && x.name === name);
  return r ? buf.subarray(r.fileOffset, r.fileOffset + r.size) : null;
}
