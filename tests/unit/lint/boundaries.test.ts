// Every layer boundary of docs/architecture.md fails lint when broken: small sources, linted as if they were files in
// the named folders, through the project's real eslint.config.mjs (the folder-cycle rule reads the real tree).
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The boundary messages (rule xs4/* or no-restricted-imports) for `code` as the file `path`. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith('xs4/') || m.ruleId?.includes('no-restricted-imports'))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const cases: Array<{ boundary: string; path: string; bad: string; good: string; rule: RegExp }> = [
  {
    boundary: 'messages ↛ the core (the page bundles the catalogs)',
    path: 'messages/lint-fixture.ts',
    bad: "import { AppError } from '../main/core/errors';\nexport const x = AppError;\n",
    good: "import { text } from '../contract/text';\nexport const x = text;\n",
    rule: /messages\/ imports only itself and the zod-free contract/,
  },
  {
    boundary: 'messages ↛ zod',
    path: 'messages/lint-fixture.ts',
    bad: "import { textSchema } from '../contract/text-schema';\nexport const x = textSchema;\n",
    good: "import { LANGUAGES } from '../contract/languages';\nexport const x = LANGUAGES;\n",
    rule: /messages\/ imports only itself and the zod-free contract/,
  },
  {
    boundary: 'main/core ↛ electron',
    path: 'main/core/settings/lint-fixture.ts',
    bad: "import { app } from 'electron';\nexport const x = app;\n",
    good: "import { join } from 'node:path';\nexport const x = join;\n",
    rule: /must not import Electron/,
  },
  {
    boundary: 'main/core ↛ the shell',
    path: 'main/core/settings/lint-fixture.ts',
    bad: "import { registerIpc } from '../../ipc';\nexport const x = registerIpc;\n",
    good: "import { AppError } from '../errors';\nexport const x = AppError;\n",
    rule: /must not import the shell/,
  },
  {
    boundary: 'main/cli ↛ electron',
    path: 'main/cli/lint-fixture.ts',
    bad: "import { safeStorage } from 'electron';\nexport const x = safeStorage;\n",
    good: "import { AppError } from '../core/errors';\nexport const x = AppError;\n",
    rule: /runs without Electron/,
  },
  {
    boundary: 'the CLI entry ↛ electron',
    path: 'main/cli.ts',
    bad: "import { app } from 'electron';\nexport const x = app;\n",
    good: "import { runCli } from './cli/run-cli';\nexport const x = runCli;\n",
    rule: /runs without Electron/,
  },
  {
    boundary: 'main/cli ↛ the shell',
    path: 'main/cli/lint-fixture.ts',
    bad: "import { createMainWindow } from '../window';\nexport const x = createMainWindow;\n",
    good: "import { HELP } from './help';\nexport const x = HELP;\n",
    rule: /must not import the shell/,
  },
  {
    boundary: 'preload ↛ main',
    path: 'preload/lint-fixture.ts',
    bad: "import { AppError } from '../main/core/errors';\nexport const x = AppError;\n",
    good: "import { contract } from '../contract/ipc';\nexport const x = contract;\n",
    rule: /never main\//,
  },
  {
    boundary: 'only the preload entry imports the preload',
    path: 'scripts/lint-fixture.ts',
    bad: "import { buildXs4Api } from '../preload/expose';\nexport const x = buildXs4Api;\n",
    good: "import { contract } from '../contract/ipc';\nexport const x = contract;\n",
    rule: /only preload\/index.ts imports the preload/,
  },
  {
    boundary: 'renderer ↛ main',
    path: 'renderer/components/LintFixture.tsx',
    bad: "import { AppError } from '../../main/core/errors';\nexport const x = AppError;\n",
    good: "import { xs4 } from '../bridge/xs4';\nexport const x = xs4;\n",
    rule: /only through window.xs4/,
  },
  {
    boundary: 'renderer ↛ node:*',
    path: 'renderer/components/LintFixture.tsx',
    bad: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    good: "import { useState } from 'react';\nexport const x = useState;\n",
    rule: /no Electron, no Node/,
  },
  {
    boundary: 'renderer ↛ Node built-ins without the prefix',
    path: 'renderer/store/lint-fixture.ts',
    bad: "import { join } from 'path';\nexport const x = join;\n",
    good: "import { create } from 'zustand';\nexport const x = create;\n",
    rule: /no Electron, no Node/,
  },
  {
    boundary: 'renderer takes only types from contract modules that use zod',
    path: 'renderer/store/lint-fixture.ts',
    bad: "import { contract } from '../../contract/ipc';\nexport const x = contract;\n",
    good: "import type { Xs4Api } from '../../contract/ipc';\nimport { StepIds } from '../../contract/steps';\nexport const x: Xs4Api | typeof StepIds = StepIds;\n",
    rule: /would pull zod into the page/,
  },
  {
    boundary: 'the zod-free contract modules stay zod-free',
    path: 'contract/rules/lint-fixture.ts',
    bad: "import { z } from 'zod';\nexport const x = z.string();\n",
    good: "import { hostInUrl } from './url-host';\nexport const x = hostInUrl;\n",
    rule: /free of packages/,
  },
  {
    boundary: 'the contract imports nothing outside contract/',
    path: 'contract/lint-fixture.ts',
    bad: "import { AppError } from '../main/core/errors';\nexport const x = AppError;\n",
    good: "import { z } from 'zod';\nexport const x = z.string();\n",
    rule: /nothing outside contract/,
  },
  {
    boundary: 'the simulators ↛ main/core/face',
    path: 'scripts/sim/face/lint-fixture.ts',
    bad: "import { FACE_API_BASE_PATH } from '../../../main/core/face/face-assumptions';\nexport const x = FACE_API_BASE_PATH;\n",
    good: "import { FACE_API_BASE_PATH } from '../wire';\nexport const x = FACE_API_BASE_PATH;\n",
    rule: /independent oracle/,
  },
  {
    boundary: 'the simulators ↛ main/core/space',
    path: 'scripts/sim/lint-fixture.ts',
    bad: "import { parseShipResponse } from '../../main/core/space/ship-xml';\nexport const x = parseShipResponse;\n",
    good: "import { httpRequest } from '../../main/core/net/https-client';\nexport const x = httpRequest;\n",
    rule: /independent oracle/,
  },
  {
    boundary: 'no folder cycles in the core (evidence → checks exists, so checks → evidence closes one)',
    path: 'main/core/checks/lint-fixture.ts',
    bad: "import { readBundle } from '../evidence/bundle-reader';\nexport const x = readBundle;\n",
    good: "import { AppError } from '../errors';\nexport const x = AppError;\n",
    rule: /closes a folder cycle/,
  },
  {
    boundary: 'no folder cycles in the page (views → components exists, so components → views closes one)',
    path: 'renderer/components/LintFixture.tsx',
    bad: "import { SetupWizard } from '../views/SetupWizard';\nexport const x = SetupWizard;\n",
    good: "import { Icon } from './Icon';\nexport const x = Icon;\n",
    rule: /closes a folder cycle/,
  },
];

describe('layer boundaries are enforced by lint', () => {
  it.each(cases)('$boundary', async ({ path, bad, good, rule }) => {
    const broken = await violations(path, bad);
    expect(broken.join('\n')).toMatch(rule);
    // The same file with an allowed import is clean: the rule is about the boundary, not the file.
    expect(await violations(path, good)).toEqual([]);
  });

  it('the raw IPC modules stay in their wrappers', async () => {
    expect(
      (
        await violations('main/window.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n")
      ).join(),
    ).toMatch(/typed contract/);
    expect(
      await violations('main/ipc.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"),
    ).toEqual([]);
  });
});
