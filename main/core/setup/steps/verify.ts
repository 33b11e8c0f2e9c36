// Step "Write back and verify": follow the Space integration's status until Connected, or explain why not with checks.
import { invalidInput } from '../../errors';
import { consoleStatusName } from '../../face/status-names';
import type { VerifyResult } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
import { faceSession, type SetupContext } from '../context';
import { runSelected } from './checks';

/** The checks that explain why the Space integration is not Connected, in the order a technician should look. */
const DIAGNOSIS_CHECKS = [
  'face.space-integration',
  'space.https',
  'space.ship',
  'space.service',
  'firewall.space-port',
  'power.sleep',
];

export function verifyStep(ctx: SetupContext): Pick<SetupService, 'verify'> {
  return {
    async verify(deadlineMs, hooks): Promise<VerifyResult> {
      if (!Number.isInteger(deadlineMs) || deadlineMs < 1000 || deadlineMs > 30 * 60_000)
        throw invalidInput('deadlineMs', 'must be a whole number from 1000 to 1800000');
      const { client, target } = await faceSession(ctx);
      const started = ctx.deps.now().getTime();
      const poll = ctx.deps.timeouts?.pollMs ?? 2000;
      let status = (await client.getSpaceIntegration(target)).status;
      while (status !== 'connected') {
        const elapsed = ctx.deps.now().getTime() - started;
        if (elapsed >= deadlineMs) break;
        hooks.onProgress?.(
          `XS4 Face reports the Space integration as "${consoleStatusName(status)}"; waiting for Connected…`,
          Math.min(1, elapsed / deadlineMs),
        );
        await ctx.sleep(Math.min(poll, deadlineMs - elapsed), hooks.signal);
        status = (await client.getSpaceIntegration(target)).status;
      }
      if (status === 'connected') {
        const message = 'XS4 Face reports the Space integration as Connected.';
        hooks.onProgress?.(message, 1);
        return { status, connected: true, diagnosis: [], message };
      }
      hooks.onProgress?.('Not connected yet: running the checks that explain why…', null);
      const known = DIAGNOSIS_CHECKS.filter((id) => ctx.checks().some((c) => c.id === id));
      const views = await runSelected(ctx, known, hooks);
      return {
        status,
        connected: false,
        diagnosis: views.filter((v) => v.status === 'fail' || v.status === 'warn'),
        message: `XS4 Face still reports the Space integration as "${consoleStatusName(status)}" after ${Math.round(deadlineMs / 1000)} s.`,
      };
    },
  };
}
