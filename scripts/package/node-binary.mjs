// Finds the official Node binary of the pinned version for a target: the one npm installed for this machine, or the
// registry's node-<os>-<arch> package fetched with `npm pack`, checked against the pinned integrity and cached.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFromTgz } from './tgz.mjs';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const PINS = JSON.parse(readFileSync(new URL('./node-binaries.json', import.meta.url), 'utf8'));
export const TARGETS = Object.keys(PINS.targets);

/** linux-x64 or win-x64 for this machine, or null when no xs4-setup target matches it. */
export function hostTarget(platform = process.platform, arch = process.arch) {
  const t = `${platform === 'win32' ? 'win' : platform}-${arch}`;
  return TARGETS.includes(t) ? t : null;
}

export function exeName(target) {
  return target.startsWith('win-') ? 'xs4-setup.exe' : 'xs4-setup';
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/** npm itself: the CLI that started this script when run from an npm script, else `npm` on PATH. */
function npm(args, cwd) {
  const viaNode = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath);
  const r = viaNode
    ? spawnSync(process.execPath, [process.env.npm_execpath, ...args], { cwd, encoding: 'utf8' })
    : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
        cwd,
        encoding: 'utf8',
        shell: process.platform === 'win32',
      });
  if (r.status !== 0)
    throw new Error(
      `npm ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr || r.error?.message || '').trim()}`,
    );
  return r.stdout;
}

/**
 * The binary npm installed for this machine through the `node` devDependency (its preinstall fetches node-<os>-<arch> and
 * links the binary to node_modules/node/bin), when this machine is `target` and it runs as the pinned version.
 */
function installedBinary(target) {
  if (target !== hostTarget()) return null;
  const pin = PINS.targets[target];
  const binary = join(REPO, 'node_modules', 'node', pin.binary);
  if (!existsSync(binary)) return null;
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${PINS.version}` ? binary : null;
}

/**
 * The path of the official Node binary for `target`. Fetched binaries live in `cacheDir` with their SHA-256, re-checked
 * on every use so a truncated or edited cache is fetched again, never used.
 */
export function officialNodeBinary(
  target,
  { cacheDir = join(REPO, '.cache', 'node-binaries'), log = () => {} } = {},
) {
  const pin = PINS.targets[target];
  if (!pin) throw new Error(`unknown target "${target}" (known: ${TARGETS.join(', ')})`);
  const installed = installedBinary(target);
  if (installed) {
    log(
      `${target}: Node ${PINS.version} from node_modules/node (${pin.package}, installed by the node devDependency)`,
    );
    return installed;
  }
  const dir = join(cacheDir, `${pin.package}-${PINS.version}`);
  const binary = join(dir, pin.binary.split('/').pop());
  const stamp = join(dir, 'source.json');
  if (existsSync(binary) && existsSync(stamp)) {
    const recorded = JSON.parse(readFileSync(stamp, 'utf8'));
    if (recorded.integrity === pin.integrity && recorded.sha256 === sha256(readFileSync(binary))) {
      log(`${target}: Node ${PINS.version} from the cache (${pin.package}, integrity checked when fetched)`);
      return binary;
    }
  }
  log(`${target}: fetching ${pin.package}@${PINS.version} from the npm registry (npm pack)`);
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(cacheDir, 'fetch-'));
  try {
    npm(['pack', `${pin.package}@${PINS.version}`, '--pack-destination', work, '--silent'], work);
    const tgzName = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgzName) throw new Error(`npm pack ${pin.package}@${PINS.version} wrote no tarball`);
    const tgz = readFileSync(join(work, tgzName));
    const integrity = `sha512-${createHash('sha512').update(tgz).digest('base64')}`;
    if (integrity !== pin.integrity) {
      throw new Error(
        `${pin.package}@${PINS.version}: the tarball's integrity ${integrity} is not the pinned ${pin.integrity} (scripts/package/node-binaries.json). Refusing to build on it.`,
      );
    }
    const exe = extractFromTgz(tgz, `package/${pin.binary}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${binary}.tmp`, exe, { mode: 0o755 });
    renameSync(`${binary}.tmp`, binary);
    writeFileSync(
      stamp,
      `${JSON.stringify({ package: pin.package, version: PINS.version, integrity, sha256: sha256(exe) }, null, 2)}\n`,
    );
    return binary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
