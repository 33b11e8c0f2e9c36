// The human output: live progress line on a TTY, and a table that is redacted and free of control characters.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { progressPrinter, renderTable } from '../../../main/cli/table';
import { runChecks } from '../../../main/core/checks/runner';
import { redactValue } from '../../../main/core/secrets/redact';
import type { Check } from '../../../main/core/checks/types';

const KEY = 'CANARY-table-key-5511';
const echo: Check<{ text: string }> = {
  id: 'echo',
  title: 'Echo\u001b[2J check',
  evidenceSchema: z.object({ text: z.string() }),
  collect: async (ctx) => ({ text: `server said ${ctx.inputs.shipKey ?? ''}\u0007` }),
  evaluate: (e) => ({ status: 'fail', summary: e.text, remedy: `retype ${KEY}`, code: 'ECHO' }),
};

describe('doctor table', () => {
  it('prints progress as checks start and finish, cleaned', async () => {
    const written: string[] = [];
    const p = progressPrinter({ write: (t: string) => written.push(t), isTTY: true, columns: 120 });
    await runChecks([echo], { inputs: { shipKey: KEY }, onProgress: p.onProgress });
    p.done();
    expect(written.join('')).toContain('[0/1] running: Echo[2J check');
    expect(written.join('')).toContain('[1/1]');
    expect(written.join('')).not.toContain('\u001b[2J');
  });

  it('redacts secrets and strips control characters from titles, summaries and remedies', async () => {
    const run = await runChecks([echo], { inputs: { shipKey: KEY } });
    const text = renderTable(run, [KEY], { colour: false, columns: 200 });
    expect(text).not.toContain(KEY);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).toMatch(/^FAIL {2}Echo\[2J check {2}server said \[redacted sha256:[0-9a-f]{8}\]$/m);
    expect(text).toContain('1 failed, 0 warnings, 0 passed, 0 skipped');
    expect(JSON.stringify(run)).toContain(KEY);
    expect(JSON.stringify(redactValue(run, [KEY]))).not.toContain(KEY);
  });
});
