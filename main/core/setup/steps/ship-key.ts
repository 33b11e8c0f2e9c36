// Step "SHIP API Key": generate or take the key, write it to XS4 Face and verify it by fingerprint; reset the auth key.
import { AppError } from '../../errors';
import { faceKeyFingerprint } from '../../secrets/fingerprint';
import { validateShipKey } from '../../secrets/ship-key';
import type { MaskedSecret } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
import { faceSession, type SetupContext } from '../context';
import { generateShipKey } from '../ship-key';
import { generalOptionViews } from './general-options';

export function shipKeySteps(
  ctx: SetupContext,
): Pick<SetupService, 'shipKey' | 'setShipKey' | 'revealShipKey' | 'resetAuthKey'> {
  const { deps } = ctx;
  return {
    async shipKey(): Promise<MaskedSecret> {
      const key = await deps.secrets.get('shipApiKey');
      return { set: key !== null, fingerprint: key ? faceKeyFingerprint(key) : null };
    },
    async setShipKey(input) {
      const key = 'generate' in input ? generateShipKey() : validateShipKey(input.value, 'shipApiKey');
      const { client, target } = await faceSession(ctx);
      const current = await client.getSpaceIntegration(target);
      if (!current.host || current.port === 0) {
        throw new AppError(
          'SETUP_SPACE_DETAILS_MISSING',
          'XS4 Face has no Space Server Details yet.',
          'Save the Space Server Details first, then set the SHIP API key.',
        );
      }
      const applied = await client.updateSpaceIntegration(target, {
        host: current.host,
        port: current.port,
        https: current.https,
        shipApiKey: key,
      });
      const fp = faceKeyFingerprint(key);
      if (applied.value.shipApiKey.fingerprint !== fp) {
        throw new AppError(
          'FACE_WRITE_NOT_APPLIED',
          'XS4 Face did not keep the SHIP API key that was sent.',
          'Try again; if it persists, set the key in the XS4 Face Console.',
        );
      }
      await deps.secrets.set('shipApiKey', key);
      await ctx.record(
        {
          kind: 'face-write',
          target: 'face:integration.space.shipApiKey',
          before: { fingerprint: current.shipApiKey.fingerprint },
          after: { fingerprint: fp },
          result: {
            ok: true,
            summary: `SHIP API key ${'generate' in input ? 'generated and ' : ''}saved in XS4 Face (fingerprint ${fp}); enter the same key in Space's SHIP tab`,
          },
        },
        [key],
      );
      return { set: true, fingerprint: fp };
    },
    async revealShipKey() {
      const key = await deps.secrets.get('shipApiKey');
      if (!key)
        throw new AppError(
          'SHIP_KEY_NOT_SET',
          'No SHIP API key is stored yet.',
          'Enter or generate one in the "SHIP API Key" step.',
        );
      return key;
    },
    async resetAuthKey() {
      const { client, target } = await faceSession(ctx);
      const before = (await client.getSpaceGeneralOptions(target)).find((o) => o.secret);
      const applied = await client.resetAuthenticationKey(target);
      await ctx.record({
        kind: 'key-reset',
        target: 'face:generalOptions.authenticationApiKey',
        before: { fingerprint: before ? faceKeyFingerprint(before.value) : null },
        after: { fingerprint: applied.keyFingerprint },
        result: {
          ok: true,
          summary:
            "Authentication (API key) reset in XS4 Face; update it in Space's General Options › Face recognition tab",
        },
      });
      return generalOptionViews(applied.value);
    },
  };
}
