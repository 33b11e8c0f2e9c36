// Which PowerShell the `powershell` test project runs: Windows PowerShell 5.1 by absolute path on Windows (as production),
// else the project-local pwsh (.tools/pwsh, installed by scripts/setup/install-pwsh.mjs), else a pwsh on PATH.
// Plain JavaScript: vitest.config.ts loads it before any TypeScript runs.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const INSTALL_HINT = 'node scripts/setup/install-pwsh.mjs';

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, name);
    if (isFile(candidate)) return candidate;
  }
  return null;
}

export function findTestPowerShell(root, platform = process.platform, env = process.env) {
  if (platform === 'win32') {
    const systemRoot = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
    const exe = path.win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
    return existsSync(exe) ? { path: exe, kind: 'windows-powershell' } : null;
  }
  const local = path.join(root, '.tools', 'pwsh', 'pwsh');
  if (isFile(local)) return { path: local, kind: 'pwsh' };
  const found = onPath('pwsh', env);
  return found ? { path: found, kind: 'pwsh' } : null;
}
