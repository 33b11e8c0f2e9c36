// Lint: typescript-eslint, plus the layer rules that keep the architecture honest (docs/architecture.md, "Layers").
// Each boundary below has a test that a violation fails lint: tests/unit/lint/boundaries.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from './scripts/lint/boundaries.mjs';

const ELECTRON = ['electron', 'electron-*', '@electron/*'];
/** Modules of the contract that pull in no zod: the page may import their values. */
const ZOD_FREE_CONTRACT = [
  'contract/steps.ts',
  'contract/xs4-error.ts',
  'contract/rules/**',
  'contract/languages.ts',
  'contract/text.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'release-cli/**',
      '.cache/**',
      '.tools/**',
      'node_modules/**',
      'coverage/**',
      'docs/**',
      'tests/e2e/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { xs4: boundaries },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Raw IPC only in the contract wrappers (main/ipc.ts, preload/index.ts).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use the typed contract in contract/ipc.ts (main/ipc.ts, preload/index.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/ipc.ts', 'preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // No cycles between folders: each subfolder of main/core, renderer and scripts is one unit.
    files: [
      'contract/**/*.ts',
      'messages/**/*.ts',
      'main/**/*.ts',
      'preload/**/*.ts',
      'renderer/**/*.{ts,tsx}',
      'scripts/**/*.{ts,mjs}',
    ],
    rules: {
      'xs4/no-folder-cycle': [
        'error',
        {
          units: [
            'main/core/*',
            'main/cli',
            'main',
            'renderer/*',
            'contract',
            'messages',
            'preload',
            'scripts/*',
          ],
        },
      ],
    },
  },
  {
    // The contract is runtime-neutral: zod and itself, nothing else (it is typechecked for Node and the DOM).
    files: ['contract/**/*.ts'],
    rules: {
      'xs4/imports': [
        'error',
        [
          { only: ['contract/**'], message: 'the contract imports nothing outside contract/.' },
          { onlyPackages: ['zod'], message: 'the contract imports no package but zod.' },
        ],
      ],
    },
  },
  {
    // What the page may import as values pulls no zod in: these import no package and only each other.
    files: ZOD_FREE_CONTRACT,
    rules: {
      'xs4/imports': [
        'error',
        [
          { only: ['contract/**'], message: 'the contract imports nothing outside contract/.' },
          {
            onlyPackages: [],
            message: 'the page imports this module: it must stay free of packages (no zod).',
          },
          {
            paths: ['contract/**'],
            except: ZOD_FREE_CONTRACT,
            allowTypeImports: true,
            message: 'the page imports this module: only types may come from modules that use zod.',
          },
        ],
      ],
    },
  },
  {
    // The catalogs and their renderer serve every layer (core, CLI, page): they import the zod-free contract and
    // i18next only, so the page can bundle them.
    files: ['messages/**/*.ts'],
    rules: {
      'xs4/imports': [
        'error',
        [
          {
            only: ['messages/**', ...ZOD_FREE_CONTRACT],
            message: 'messages/ imports only itself and the zod-free contract.',
          },
          { onlyPackages: ['i18next'], message: 'messages/ imports no package but i18next.' },
        ],
      ],
    },
  },
  {
    // The core must run without Electron or the shell: CLI, tests and offline troubleshooting use it directly.
    files: ['main/core/**/*.ts'],
    rules: {
      'xs4/imports': [
        'error',
        [
          { packages: ELECTRON, message: 'main/core must not import Electron: inject what you need.' },
          {
            paths: ['main/*.ts', 'main/cli/**', 'preload/**', 'renderer/**'],
            message: 'main/core must not import the shell, the CLI, the preload or the page.',
          },
        ],
      ],
    },
  },
  {
    // The CLI runs on plain Node, without Electron and without the app's shell.
    files: ['main/cli.ts', 'main/cli/**/*.ts'],
    rules: {
      'xs4/imports': [
        'error',
        [
          { packages: ELECTRON, message: 'the CLI runs without Electron.' },
          {
            paths: ['main/*.ts', 'preload/**', 'renderer/**'],
            except: ['main/cli.ts'],
            message: 'the CLI must not import the shell, the preload or the page.',
          },
        ],
      ],
    },
  },
  {
    // The main shell reaches the preload only through the build (its own bundle), never by import.
    files: ['main/*.ts'],
    ignores: ['main/cli.ts'],
    rules: {
      'xs4/imports': [
        'error',
        [
          {
            paths: ['preload/**', 'renderer/**'],
            message: 'the shell must not import the preload or the page.',
          },
        ],
      ],
    },
  },
  {
    // The preload knows the contract, not the main process.
    files: ['preload/**/*.ts'],
    rules: {
      'xs4/imports': [
        'error',
        [
          {
            paths: ['main/**', 'renderer/**'],
            message: 'preload/ imports the contract, never main/ or the page.',
          },
        ],
      ],
    },
  },
  {
    // The renderer reaches the core only through window.xs4; from the contract it takes types (values only zod-free).
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'xs4/imports': [
        'error',
        [
          {
            paths: ['main/**', 'preload/**'],
            message: 'the page talks to the core only through window.xs4.',
          },
          {
            packages: [...ELECTRON, 'node:*'],
            message: 'the page runs in a sandboxed browser: no Electron, no Node.',
          },
          {
            paths: ['contract/**'],
            except: ZOD_FREE_CONTRACT,
            allowTypeImports: true,
            message: 'import only types from this contract module (its values would pull zod into the page).',
          },
        ],
      ],
    },
  },
  {
    // Nothing but the preload entry imports the preload (the layers above deny it too; tests aside: the e2e harness
    // builds window.xs4 with it).
    files: ['scripts/**/*.{ts,mjs}'],
    rules: {
      'xs4/imports': [
        'error',
        [{ paths: ['preload/**'], message: 'only preload/index.ts imports the preload.' }],
      ],
    },
  },
  {
    // The simulators judge the clients independently: they do not reuse the client code they test.
    files: ['scripts/sim/**/*.ts'],
    rules: {
      'xs4/imports': [
        'error',
        [
          { paths: ['preload/**'], message: 'only preload/index.ts imports the preload.' },
          {
            paths: ['main/core/face/**', 'main/core/space/**'],
            message: 'the simulators are an independent oracle: state wire facts in scripts/sim/wire.ts.',
          },
        ],
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test', 'suite'].flatMap((object) => [
          { object, property: 'only', message: 'Focused tests hide the rest of the suite.' },
          { object, property: 'skip', message: 'Skipped tests hide failures; delete or fix the test.' },
        ]),
      ],
    },
  },
);
