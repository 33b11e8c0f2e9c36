// Builds one xs4-setup executable as a Node single executable application: a blob made from the bundled CLI by the
// pinned Node, injected with postject into the official Node binary of the target (signature stripped first on Windows).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PINS, hostTarget, officialNodeBinary } from './node-binary.mjs';
import { readPe, readRcData } from './pe.mjs';
import { SEA_RESOURCE, SEA_SENTINEL, seaFuseState } from './sea-fuse.mjs';
import { removeSignature, signExe } from './sign-exe.mjs';

const require = createRequire(import.meta.url);
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/** The preparation blob for `bundle` (a CommonJS file), made by the pinned Node: the blob format belongs to the Node version. */
export function makeBlob(bundle) {
  const host = hostTarget();
  if (!host)
    throw new Error(
      `xs4-setup executables are built on linux-x64 or win-x64, not ${process.platform}-${process.arch}.`,
    );
  const node = officialNodeBinary(host);
  const work = mkdtempSync(join(tmpdir(), 'xs4-sea-'));
  try {
    const config = join(work, 'sea-config.json');
    const blob = join(work, 'sea.blob');
    // No code cache and no snapshot: they only load on the platform that made them, and one blob serves every target.
    // The blob records `main` as written, so it is given relative to its folder: same bundle, same blob, wherever built.
    writeFileSync(
      config,
      JSON.stringify({
        main: basename(bundle),
        output: blob,
        disableExperimentalSEAWarning: true,
        useSnapshot: false,
        useCodeCache: false,
      }),
    );
    const r = spawnSync(node, ['--experimental-sea-config', config], {
      encoding: 'utf8',
      cwd: dirname(bundle),
    });
    if (r.status !== 0)
      throw new Error(`node --experimental-sea-config failed (exit ${r.status}): ${r.stderr}`);
    return readFileSync(blob);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Checks a built executable: the fuse is flipped and the blob is inside, as a PE resource on Windows. Throws naming what is wrong. */
export function verifySea(file, target, blob, { signed = false } = {}) {
  const buf = readFileSync(file);
  const fuse = seaFuseState(buf);
  if (fuse !== 'flipped')
    throw new Error(`${file}: the SEA fuse is ${fuse}, not flipped: no blob was injected.`);
  if (target.startsWith('win-')) {
    const pe = readPe(buf);
    if (!pe.isX64 || pe.subsystem !== 3) throw new Error(`${file}: not an x64 console executable.`);
    const res = readRcData(buf, SEA_RESOURCE);
    if (!res) throw new Error(`${file}: no ${SEA_RESOURCE} resource.`);
    if (!res.equals(blob))
      throw new Error(`${file}: the ${SEA_RESOURCE} resource is not the blob that was built.`);
    const hasSignature = pe.signature.size > 0;
    if (hasSignature !== signed)
      throw new Error(
        `${file}: expected ${signed ? 'a' : 'no'} Authenticode signature, found ${hasSignature ? 'one' : 'none'}.`,
      );
  } else if (buf.indexOf(blob) === -1) {
    throw new Error(`${file}: the blob is not in the executable.`);
  }
  return { size: buf.length, sha256: sha256(buf) };
}

/**
 * Builds `output` for `target` from `blob` (makeBlob). Skipped when the recorded inputs (blob, Node package, signing) match and the
 * file is intact. `signing` (from signingFromEnv) signs Windows executables; null leaves them unsigned.
 */
export function buildSea({ blob, target, output, signing = null, appVersion, log = () => {} }) {
  const pin = PINS.targets[target];
  const infoFile = `${output}.json`;
  const sign = target.startsWith('win-') && signing !== null;
  const inputs = sha256(
    JSON.stringify({
      blob: sha256(blob),
      target,
      node: PINS.version,
      integrity: pin.integrity,
      sign: sign ? signing.from : null,
    }),
  );
  if (existsSync(output) && existsSync(infoFile)) {
    const info = JSON.parse(readFileSync(infoFile, 'utf8'));
    if (info.inputs === inputs && existsSync(output) && sha256(readFileSync(output)) === info.sha256) {
      log(`${target}: ${output} is up to date`);
      return info;
    }
  }
  const base = officialNodeBinary(target, { log });
  mkdirSync(dirname(output), { recursive: true });
  const tmp = `${output}.tmp`;
  if (target.startsWith('win-')) {
    const how = removeSignature(base, tmp);
    log(`${target}: removed the Node binary's signature (${how})`);
  } else {
    copyFileSync(base, tmp);
  }
  chmodSync(tmp, 0o755);
  const blobFile = `${output}.blob`;
  writeFileSync(blobFile, blob);
  try {
    const postject = require.resolve('postject/dist/cli.js');
    const r = spawnSync(
      process.execPath,
      [postject, tmp, SEA_RESOURCE, blobFile, '--sentinel-fuse', SEA_SENTINEL],
      {
        encoding: 'utf8',
      },
    );
    // postject's ELF writer prints harmless warnings about note names; its output matters only when it fails.
    if (r.status !== 0) throw new Error(`postject failed (exit ${r.status}): ${r.stdout}${r.stderr}`);
  } finally {
    rmSync(blobFile, { force: true });
  }
  verifySea(tmp, target, blob, { signed: false });
  if (sign) {
    signExe(tmp, signing);
    log(`${target}: signed with the certificate from ${signing.from}`);
  }
  const { size, sha256: digest } = verifySea(tmp, target, blob, { signed: sign });
  renameSync(tmp, output);
  const info = {
    target,
    file: output,
    appVersion,
    node: PINS.version,
    nodePackage: `${pin.package}@${PINS.version}`,
    blobSha256: sha256(blob),
    blobSize: blob.length,
    signed: sign,
    size,
    sha256: digest,
    inputs,
  };
  writeFileSync(infoFile, `${JSON.stringify(info, null, 2)}\n`);
  log(`${target}: built ${output} (${(size / 1024 / 1024).toFixed(1)} MiB${sign ? ', signed' : ''})`);
  return info;
}
