// Real core dependencies with in-memory stores, for tests and the e2e harness (no disk, no Electron).
import type { CoreDeps } from '../../main/core/api/deps';
import { allChecks } from '../../main/core/checks/all';
import { createWindowsRun } from '../../main/core/checks/windows/index';
import { createMemoryLogger, type LogRecord } from '../../main/core/log/logger';
import { createRedactor, type Redactor } from '../../main/core/log/redact';
import { createMemorySecretStore } from '../../main/core/secrets/memory-secret-store';
import { createMemorySettingsStore } from '../../main/core/settings/settings-store';

export interface TestDeps extends CoreDeps {
  records: LogRecord[];
  redactor: Redactor;
}

export function createTestDeps(overrides: Partial<CoreDeps> = {}): TestDeps {
  const redactor = createRedactor();
  const logger = createMemoryLogger((v) => redactor.redact(v));
  return {
    app: { productName: 'XS4 Face Space Assistant', version: '0.1.0', platform: 'win32', arch: 'x64' },
    settings: createMemorySettingsStore(),
    secrets: createMemorySecretStore((v) => redactor.register(v)),
    log: logger,
    clock: () => new Date('2026-01-15T10:00:00Z'),
    paths: { userData: '/tmp/xs4-test-userdata', logs: '/tmp/xs4-test-logs' },
    startupProblems: [],
    setup: null,
    // The product's checks; bundles are evaluated offline (no PowerShell starts unless a check collects).
    troubleshoot: { checks: () => allChecks(createWindowsRun().deps), toolVersion: '0.1.0' },
    ...overrides,
    records: logger.records,
    redactor,
  };
}
