// Real core dependencies with in-memory stores, for tests and the e2e harness (no disk, no Electron).
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreDeps } from '../../main/core/api/deps';
import { allChecks } from '../../main/core/checks/all';
import { createWindowsRun } from '../../main/core/checks/windows/index';
import { HistoryStore } from '../../main/core/history/history-store';
import { createSetupService } from '../../main/core/setup/setup-service';
import { createMemoryLogger, type LogRecord } from '../../main/core/log/logger';
import { createRedactor, type Redactor } from '../../main/core/secrets/redact';
import { createMemorySecretStore } from '../../main/core/secrets/memory-secret-store';
import { createMemorySettingsStore } from '../../main/core/settings/settings-store';
import { createSignInService } from '../../main/core/auth/sign-in-service';
import { testCipher } from './test-cipher';

export interface TestDeps extends CoreDeps {
  records: LogRecord[];
  redactor: Redactor;
}

export function createTestDeps(overrides: Partial<CoreDeps> = {}): TestDeps {
  const redactor = createRedactor();
  const logger = createMemoryLogger((v) => redactor.redact(v));
  const settings = createMemorySettingsStore();
  const secrets = createMemorySecretStore((v) => redactor.register(v));
  const windows = createWindowsRun().deps;
  // The real setup flow over in-memory stores; its own state goes to a fresh folder, created on the first write.
  const dataDir = join(tmpdir(), `xs4-test-${randomUUID()}`);
  const history = new HistoryStore({ dataDir });
  return {
    app: { productName: 'XS4 Face Space Assistant', version: '0.1.0', platform: 'win32', arch: 'x64' },
    settings,
    secrets,
    log: logger,
    clock: () => new Date('2026-01-15T10:00:00Z'),
    paths: { userData: '/tmp/xs4-test-userdata', logs: '/tmp/xs4-test-logs' },
    startupProblems: [],
    setup: {
      service: createSetupService({
        dataDir,
        settings,
        secrets,
        history,
        checks: (w) => allChecks(w),
        windows,
        platform: 'linux',
        now: () => new Date(),
      }),
      clipboard: { writeText: () => undefined, writeSecret: () => undefined },
      history,
    },
    // The product's checks; bundles are evaluated offline (no PowerShell starts unless a check collects).
    troubleshoot: { checks: () => allChecks(windows), toolVersion: '0.1.0' },
    // The real sign-in service over the built-in regions only (none usable here) and no system browser.
    signIn: createSignInService({
      dataDir,
      file: 'sign-in.json',
      cipher: testCipher(randomBytes(32).toString('hex')),
      openBrowser: () => Promise.reject(new Error('no system browser in this test')),
      env: {},
    }),
    // No system dialog in tests: a Browse answers "cancelled" unless a test binds its own double.
    dialogs: { choosePath: async () => null },
    ...overrides,
    records: logger.records,
    redactor,
  };
}
