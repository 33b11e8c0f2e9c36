// Step "Space Server Details": what this machine says about Space, and the host, port and HTTPS flag written to XS4 Face.
import { text, type Text } from '../../../../contract/text';
import * as os from 'node:os';
import { AppError } from '../../errors';
import { validateHost, validatePort } from '../../net/endpoint';
import { spaceServerDetails } from '../../checks/windows/index';
import type { SpaceEvidence } from '../../checks/windows/space-evidence';
import { SPACE_ASSUMPTIONS } from '../../windows/space-assumptions';
import type { DetectedSpace, SpaceDetails } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
import { unsentIfCancelled } from '../pending-writes';
import { sendWrite } from '../write-step';
import { faceSession, type SetupContext } from '../context';
import { checkContext, checkInputs } from '../check-inputs';
import { readSpaceDetails, rememberSpace } from '../space-target';

function notDetected(port: number, reason: Text, ipv4: string[]): DetectedSpace {
  return {
    available: false,
    reason,
    fqdn: null,
    ipv4,
    port,
    https: null,
    serviceRunning: null,
    version: null,
  };
}

async function detectSpace(ctx: SetupContext): Promise<DetectedSpace> {
  const port = SPACE_ASSUMPTIONS.defaultPort;
  if (ctx.deps.platform !== 'win32') {
    const ipv4 = Object.values(os.networkInterfaces())
      .flat()
      .filter((n): n is os.NetworkInterfaceInfo => !!n && n.family === 'IPv4' && !n.internal)
      .map((n) => n.address);
    return notDetected(port, text('setup.detect.notWindows', { platform: ctx.deps.platform }), ipv4);
  }
  const check = ctx.checks().find((c) => c.id === 'space.service');
  if (!check) throw new AppError('INTERNAL', { variant: 'checkMissing', params: { id: 'space.service' } });
  const evidence = (await check.collect(
    checkContext(ctx, await checkInputs(ctx), new AbortController().signal),
  )) as SpaceEvidence;
  if (evidence.kind !== 'collected') return notDetected(port, text('setup.detect.unreadable'), []);
  const d = spaceServerDetails(evidence);
  return {
    available: true,
    reason: null,
    fqdn: d.fqdn,
    ipv4: d.ipv4,
    port: d.port,
    https: null,
    serviceRunning: evidence.service ? evidence.service.state === 'Running' : null,
    version: evidence.fileVersion ?? evidence.productVersion,
  };
}

export function spaceDetailsSteps(
  ctx: SetupContext,
): Pick<SetupService, 'detectSpace' | 'getSpaceDetails' | 'saveSpaceDetails'> {
  return {
    detectSpace: () => detectSpace(ctx),
    getSpaceDetails: () => readSpaceDetails(ctx),
    async saveSpaceDetails(details, hooks = {}) {
      return unsentIfCancelled(async () => {
        const host = validateHost(details.host, 'host');
        const port = validatePort(details.port, 'port');
        const { client, target } = await faceSession(ctx, hooks);
        const before = await client.getSpaceIntegration(target);
        return sendWrite<SpaceDetails>(ctx, hooks, {
          // Sends the write (or, resuming, waits for it), reads it back, remembers and records it.
          async write(face, resume) {
            const applied = await face.updateSpaceIntegration(
              target,
              { host, port, https: details.https },
              resume,
            );
            const after = { host: applied.value.host, port: applied.value.port, https: applied.value.https };
            await rememberSpace(ctx, after);
            await ctx.record({
              kind: 'face-write',
              target: 'face:integration.space.details',
              before: { host: before.host, port: before.port, https: before.https },
              after,
              result: {
                ok: true,
                summary: text('setup.history.spaceDetails', {
                  host,
                  port,
                  scheme: details.https ? 'HTTPS' : 'HTTP',
                }),
              },
            });
            return after;
          },
          finished: (details) => ({ write: 'spaceDetails', details }),
        });
      });
    },
  };
}
