// Four test projects: the Electron-free core, the main shell (fake electron at one seam), the renderer (DOM), end to end (Chromium).
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const fakeElectron = fileURLToPath(new URL('./tests/fakes/electron.ts', import.meta.url));

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: '.ci-reports/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: { electron: fakeElectron } },
        test: {
          name: 'shell',
          environment: 'node',
          include: ['tests/shell/**/*.test.ts'],
          // Packages that import electron themselves must go through the alias too.
          server: { deps: { inline: ['electron-store'] } },
          setupFiles: ['tests/fakes/register-electron-cjs.ts'],
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
