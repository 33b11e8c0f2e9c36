// Installs PowerShell 7.6.9 as a project-local .NET tool (.tools/pwsh), so the `powershell` test project runs every
// script in real pwsh. Idempotent: exits 0 when that pwsh is already there and answers; non-zero with the reason otherwise.
// Interface used by CI and by the test-prerequisites step: `node scripts/setup/install-pwsh.mjs` (no arguments).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Exactly this version: later PowerShell tool packages may need a newer .NET than the machines have. */
export const PWSH_VERSION = '7.6.9';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOOL_PATH = join(ROOT, '.tools', 'pwsh');
export const PWSH_BIN = join(TOOL_PATH, process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');

/** The version the project-local pwsh reports, or null when it is missing or does not start. */
function installedVersion() {
  if (!existsSync(PWSH_BIN)) return null;
  const r = spawnSync(
    PWSH_BIN,
    ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString()'],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return r.status === 0 ? r.stdout.trim() : null;
}

function dotnet(args) {
  return spawnSync('dotnet', args, {
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
  });
}

function fail(message) {
  console.error(`install-pwsh: ${message}`);
  process.exit(1);
}

const have = installedVersion();
if (have === PWSH_VERSION) {
  console.log(
    `install-pwsh: PowerShell ${PWSH_VERSION} is present at ${PWSH_BIN} (used by the powershell test project).`,
  );
  process.exit(0);
}
console.log(
  `install-pwsh: installing PowerShell ${PWSH_VERSION} as a .NET tool into ${TOOL_PATH}, because the powershell test project runs every PowerShell script of the app in real pwsh.`,
);
const probe = dotnet(['--version']);
if (probe.error || probe.status !== 0) {
  fail(
    'the .NET SDK (`dotnet`) was not found or does not run. Install the .NET 10 SDK (https://dotnet.microsoft.com/download), then run `node scripts/setup/install-pwsh.mjs` again.',
  );
}
mkdirSync(TOOL_PATH, { recursive: true });
// Another version in the tool path: remove it first, `install` refuses to replace it.
if (existsSync(PWSH_BIN)) dotnet(['tool', 'uninstall', '--tool-path', TOOL_PATH, 'PowerShell']);
const r = dotnet(['tool', 'install', '--tool-path', TOOL_PATH, 'PowerShell', '--version', PWSH_VERSION]);
if (r.status !== 0) {
  fail(
    `\`dotnet tool install PowerShell --version ${PWSH_VERSION}\` failed (exit ${r.status ?? r.error?.message}):\n${(r.stderr || r.stdout).trim()}\nCheck that NuGet (api.nuget.org) is reachable, then run \`node scripts/setup/install-pwsh.mjs\` again.`,
  );
}
const now = installedVersion();
if (now !== PWSH_VERSION) {
  fail(
    `PowerShell was installed at ${PWSH_BIN} but does not start as ${PWSH_VERSION} (reported: ${now ?? 'nothing'}). It needs the .NET runtime the package targets; install the .NET 10 SDK and run this again.`,
  );
}
console.log(`install-pwsh: PowerShell ${PWSH_VERSION} installed at ${PWSH_BIN}.`);
