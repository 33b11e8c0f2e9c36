// Lint: typescript-eslint, plus the layer rules that keep the architecture honest.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'release-cli/**', '.cache/**', '.tools/**', 'node_modules/**', 'coverage/**', 'docs/**', 'tests/e2e/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Raw IPC only in the contract wrappers (main/ipc.ts, preload/index.ts).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed contract in preload/api.ts (main/ipc.ts, preload/index.ts).' },
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
    // The core must run without Electron: CLI, tests and offline troubleshooting use it directly.
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'main/core must not import electron: inject what you need.' }], patterns: [{ group: ['electron/*', 'electron-*'], message: 'main/core must not import electron packages.' }] }],
    },
  },
  {
    // The renderer reaches the core only through window.xs4.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', 'electron', 'node:*'], message: 'The renderer talks to the core only through window.xs4.' }] }],
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
