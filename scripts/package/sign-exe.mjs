// Authenticode for xs4-setup.exe with osslsigncode: strip the signature the Node binary came with (injecting a blob
// breaks it), and sign the result when the release's signing secrets are in the environment.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
  copyFileSync,
  renameSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Same variables as electron-builder, so one pair of secrets signs the app, the installer and the CLI. */
export const SIGNING_ENV = [
  ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD'],
  ['CSC_LINK', 'CSC_KEY_PASSWORD'],
];
/** RFC 3161 timestamp server; "none" signs without a timestamp (the signature then ends with the certificate). */
export const TIMESTAMP_ENV = 'XS4_SIGN_TIMESTAMP_URL';
const DEFAULT_TIMESTAMP = 'http://timestamp.digicert.com';

function tool(name, args) {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  if (r.error && r.error.code === 'ENOENT') return { missing: true };
  return { missing: false, status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** signtool.exe of the newest Windows SDK, when this is Windows and one is installed. */
function findSigntool() {
  if (process.platform !== 'win32') return null;
  const root = join(
    process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
    'Windows Kits',
    '10',
    'bin',
  );
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+\./.test(v))
    .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
  for (const v of versions) {
    const p = join(root, v, 'x64', 'signtool.exe');
    if (existsSync(p)) return p;
  }
  return null;
}

/** Writes `input` without its Authenticode signature to `output` (osslsigncode; on Windows without it, the SDK's signtool). */
export function removeSignature(input, output) {
  rmSync(output, { force: true });
  const r = tool('osslsigncode', ['remove-signature', '-in', input, '-out', output]);
  if (!r.missing) {
    if (r.status !== 0) throw new Error(`osslsigncode remove-signature failed (exit ${r.status}): ${r.out}`);
    return 'osslsigncode';
  }
  const signtool = findSigntool();
  if (signtool) {
    copyFileSync(input, output);
    const s = tool(signtool, ['remove', '/s', output]);
    if (s.status !== 0) throw new Error(`signtool remove /s failed (exit ${s.status}): ${s.out}`);
    return 'signtool';
  }
  throw new Error(
    "Removing the Node binary's signature needs osslsigncode (Debian: apt-get install -y osslsigncode; `npm test` installs it) or, on Windows, signtool from the Windows SDK.",
  );
}

/** The certificate and password from the environment, or null when the build is unsigned. CSC_LINK is a file path or base64. */
export function signingFromEnv(env = process.env) {
  for (const [linkVar, passVar] of SIGNING_ENV) {
    const link = env[linkVar];
    if (!link) continue;
    if (/^https?:/i.test(link))
      throw new Error(`${linkVar}: a URL is not supported here; give a path to the .pfx or its base64.`);
    const path = link.replace(/^file:\/\//, '');
    const pfx = existsSync(path) ? { path } : { base64: link };
    return { from: linkVar, pfx, password: env[passVar] ?? '' };
  }
  return null;
}

/**
 * Signs `file` in place (SHA-256, timestamped unless XS4_SIGN_TIMESTAMP_URL=none). The password goes to osslsigncode
 * through a file readable only by this user, never on the command line (process lists show argv).
 */
export function signExe(
  file,
  signing,
  { env = process.env, description = 'xs4-setup (XS4 Face Space Assistant CLI)' } = {},
) {
  const work = mkdtempSync(join(tmpdir(), 'xs4-sign-'));
  try {
    const pfx = signing.pfx.path ?? join(work, 'cert.pfx');
    if (!signing.pfx.path) writeFileSync(pfx, Buffer.from(signing.pfx.base64, 'base64'), { mode: 0o600 });
    const passFile = join(work, 'pass');
    writeFileSync(passFile, signing.password, { mode: 0o600 });
    const ts = env[TIMESTAMP_ENV] ?? DEFAULT_TIMESTAMP;
    const out = `${file}.signed`;
    const args = ['sign', '-pkcs12', pfx, '-readpass', passFile, '-h', 'sha256', '-n', description];
    if (ts !== 'none') args.push('-ts', ts);
    const r = tool('osslsigncode', [...args, '-in', file, '-out', out]);
    if (r.missing) throw new Error('Signing needs osslsigncode (Debian: apt-get install -y osslsigncode).');
    if (r.status !== 0)
      throw new Error(
        `osslsigncode sign failed (exit ${r.status}): ${r.out.replaceAll(signing.password || '\0', '[redacted]')}`,
      );
    renameSync(out, file);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** True when osslsigncode is on PATH (signing here); on Windows without it, electron-builder signs the copy it packs. */
export function canSignHere() {
  return !tool('osslsigncode', ['--version']).missing;
}
