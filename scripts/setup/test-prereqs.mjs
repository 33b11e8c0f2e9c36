// First step of `npm test`: installs, idempotently, what the tests need from outside npm, one line each saying what and why.
// Debian packages through apt (as root; otherwise it stops with the exact command to run), and PowerShell 7 into
// .tools/pwsh through scripts/setup/install-pwsh.mjs. Nothing is installed that is already there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const say = (line) => console.log(`[prereqs] ${line}`);

/** True when `command` can be started (its exit code does not matter: some tools answer --version with 1). */
const onPath = (command) => !spawnSync(command, ['--version'], { stdio: 'ignore' }).error;

/** Debian packages the tests use: how to tell one is there, and why the tests need it. */
const DEBIAN_PACKAGES = [
  {
    name: 'chromium',
    present: () => existsSync('/usr/bin/chromium'),
    why: 'the end-to-end tests drive the built UI in Debian Chromium (/usr/bin/chromium)',
  },
  {
    name: 'osslsigncode',
    present: () => onPath('osslsigncode'),
    why: 'building xs4-setup.exe strips the Node binary’s signature, and the signing test signs it',
  },
  {
    name: 'nsis',
    present: () => onPath('makensis'),
    why: 'the installer test compiles the PATH macros of the NSIS installer with makensis',
  },
];

function apt(args) {
  const r = spawnSync('apt-get', args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error || r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`apt-get ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${out}`);
  }
}

function debianPackages() {
  const missing = [];
  for (const p of DEBIAN_PACKAGES) {
    if (p.present()) say(`${p.name}: present (${p.why})`);
    else missing.push(p);
  }
  if (!missing.length) return;
  const names = missing.map((p) => p.name);
  const command = `apt-get update && apt-get install -y ${names.join(' ')}`;
  if (!onPath('apt-get'))
    throw new Error(
      `missing ${names.join(', ')} and no apt-get here: install them with your package manager.`,
    );
  if (process.getuid?.() !== 0) throw new Error(`missing ${names.join(', ')}; run: sudo sh -c '${command}'`);
  for (const p of missing) say(`${p.name}: installing with apt-get (${p.why})`);
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', ...names]);
  const still = missing.filter((p) => !p.present()).map((p) => p.name);
  if (still.length)
    throw new Error(`apt-get installed ${names.join(' ')} but ${still.join(', ')} is still not usable.`);
}

function powershell() {
  const installer = join(REPO, 'scripts', 'setup', 'install-pwsh.mjs');
  if (!existsSync(installer)) return;
  const r = spawnSync(process.execPath, [installer], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`scripts/setup/install-pwsh.mjs failed (exit ${r.status}).`);
}

try {
  if (process.platform === 'linux') debianPackages();
  else say(`${process.platform}: no Debian packages; the browser tests use the installed Edge or Chrome`);
  powershell();
} catch (e) {
  console.error(`[prereqs] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
