// The installer's part of shipping xs4-setup: the electron-builder settings that pack it into bin\, the NSIS include
// that puts bin\ on the system PATH for per-machine installs (compiled with Debian's makensis against a harness shaped
// like electron-builder's script), and the PATH edit itself, run in real pwsh on PATH text.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { REPO } from './stage';
import { findPwsh } from '../helpers/pwsh';

const SCRIPT = join(REPO, 'resources', 'installer', 'machine-path.ps1');
const INCLUDE = join(REPO, 'resources', 'installer', 'cli-path.nsh');
const BIN = 'C:\\Program Files\\XS4 Face Space Assistant\\bin';

function machinePath(action: 'Add' | 'Remove', entry: string, pathValue: string) {
  const r = spawnSync(
    findPwsh(),
    [
      '-NoProfile',
      '-NonInteractive',
      '-File',
      SCRIPT,
      '-Action',
      action,
      '-Entry',
      entry,
      '-PathValue',
      pathValue,
    ],
    { encoding: 'utf8' },
  );
  return { code: r.status, out: r.stdout.replace(/\r?\n$/, ''), err: r.stderr };
}

describe('electron-builder settings for xs4-setup', () => {
  it('packs release-cli/win-x64/xs4-setup.exe as bin/xs4-setup.exe and includes the PATH macros', async () => {
    const config = await getConfig(REPO, join(REPO, 'electron-builder.yml'), null);
    expect(config.win?.extraFiles).toEqual([
      { from: 'release-cli/win-x64/xs4-setup.exe', to: 'bin/xs4-setup.exe' },
    ]);
    expect(config.nsis?.include).toBe('resources/installer/cli-path.nsh');
    expect(config.extraFiles).toBeUndefined();
  });
});

describe('resources/installer/machine-path.ps1 (pwsh, -PathValue seam)', () => {
  const system = 'C:\\Windows\\system32;%SystemRoot%;%SystemRoot%\\System32\\Wbem;C:\\Tools';

  it('appends the folder, leaving every other entry as written (%SystemRoot% unexpanded)', () => {
    expect(machinePath('Add', BIN, system)).toEqual({ code: 0, out: `${system};${BIN}`, err: '' });
    expect(machinePath('Add', BIN, `${system};`).out).toBe(`${system};${BIN}`);
    expect(machinePath('Add', BIN, '').out).toBe(BIN);
  });

  it('adds nothing when the folder is already there, in any case, quoted or with a trailing backslash', () => {
    for (const present of [BIN, BIN.toUpperCase(), `"${BIN}"`, `${BIN}\\`]) {
      const value = `C:\\Tools;${present};%SystemRoot%`;
      expect(machinePath('Add', BIN, value).out).toBe(value);
    }
  });

  it('removes exactly that folder and gives back the PATH it started from', () => {
    const added = machinePath('Add', BIN, system).out;
    expect(machinePath('Remove', BIN, added).out).toBe(system);
    expect(machinePath('Remove', `${BIN}\\`, `C:\\Tools;"${BIN.toLowerCase()}";%SystemRoot%`).out).toBe(
      'C:\\Tools;%SystemRoot%',
    );
  });

  it('leaves neighbours alone: the install folder itself, a longer name, an absent entry', () => {
    const value = `C:\\Program Files\\XS4 Face Space Assistant;${BIN}2;C:\\Tools`;
    expect(machinePath('Remove', BIN, value).out).toBe(value);
  });

  it('refuses an entry that is not an absolute folder (exit 2, one line naming -Entry)', () => {
    for (const bad of ['bin', 'C:\\a;C:\\b', '']) {
      const r = machinePath('Add', bad || ' ', system);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^machine-path: -Entry must be an absolute folder path/);
      expect(r.out).toBe('');
    }
  });
});

describe('resources/installer/cli-path.nsh (makensis)', () => {
  // The parts of electron-builder's generated script the include relies on: LogicLib, $installMode, PROJECT_DIR.
  const harness = (projectDir: string) => `Unicode true
!include LogicLib.nsh
!define PROJECT_DIR "${projectDir}"
Name "xs4-setup PATH harness"
OutFile "harness.exe"
RequestExecutionLevel user
Var installMode
!include "${INCLUDE}"
Section "Install"
  StrCpy $installMode all
  StrCpy $INSTDIR "$PROGRAMFILES64\\XS4 Face Space Assistant"
  !insertmacro customInstall
  WriteUninstaller "$INSTDIR\\uninstall.exe"
SectionEnd
Section "Uninstall"
  StrCpy $installMode all
  !insertmacro customUnInstall
SectionEnd
`;
  const compile = (projectDir: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'xs4-nsis-'));
    try {
      writeFileSync(join(dir, 'harness.nsi'), harness(projectDir));
      // -WX: a warning (an unused variable, a dropped instruction) fails the build as it would fail electron-builder's.
      const r = spawnSync('makensis', ['-V2', '-WX', join(dir, 'harness.nsi')], { encoding: 'utf8' });
      if (r.error)
        throw new Error(`makensis not found (Debian package nsis; npm test installs it): ${r.error.message}`);
      return { code: r.status, out: `${r.stdout}${r.stderr}` };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('compiles without warnings in installer and uninstaller, embedding machine-path.ps1', () => {
    const r = compile(REPO);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('fails to compile when the script it embeds is not there (the File line really points at it)', () => {
    const r = compile(join(REPO, 'no-such-project'));
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('machine-path.ps1');
  });

  it('touches PATH only for per-machine installs, on <install dir>\\bin, and tells running programs', () => {
    const text = readFileSync(INCLUDE, 'utf8');
    const body = (macro: string) =>
      new RegExp(`!macro ${macro}\\r?\\n([\\s\\S]*?)!macroend`).exec(text)?.[1] ?? '';
    expect(body('customInstall')).toMatch(
      /\$\{if\} \$installMode == "all"\s+!insertmacro xs4MachinePath Add\s+\$\{endIf\}/,
    );
    expect(body('customUnInstall')).toMatch(
      /\$\{if\} \$installMode == "all"\s+!insertmacro xs4MachinePath Remove\s+\$\{endIf\}/,
    );
    expect(body('xs4MachinePath ACTION')).toContain('-Entry "$INSTDIR\\bin"');
    expect(body('xs4MachinePath ACTION')).toContain('SendMessage 0xFFFF 0x1A 0 "STR:Environment"');
  });
});
