// Finds PowerShell 7 for the tests that run PowerShell for real: <repo>/.tools/pwsh (installed by `npm test`'s
// prerequisites step, scripts/setup/install-pwsh.mjs), else pwsh on PATH.
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const EXE = process.platform === 'win32' ? 'pwsh.exe' : 'pwsh';

export function findPwsh(): string {
  const candidates = [
    join(ROOT, '.tools', 'pwsh', EXE),
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d) => join(d, EXE)),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found)
    throw new Error(
      `PowerShell 7 (${EXE}) not found in .tools/pwsh or on PATH: run \`node scripts/setup/test-prereqs.mjs\` (the first step of npm test).`,
    );
  return found;
}
