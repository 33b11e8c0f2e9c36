// Step "SHIP API Key": generate or take the key, write it to XS4 Face and verify it by fingerprint; reset the auth key.
import { AppError } from '../../errors';
import { faceKeyFingerprint } from '../../secrets/fingerprint';
import { validateShipKey } from '../../secrets/ship-key';
import type { GeneralOptionView, MaskedSecret } from '../../../../contract/setup-shapes';
import type { OperationHooks, SetupService } from '../service';
import type { Resume } from '../../face/face-client';
import { AUTH_KEY_OPTION_ID } from '../../face/face-assumptions';
import { pendingAware } from '../pending-writes';
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
    async setShipKey(input, hooks = {}) {
      const key = 'generate' in input ? generateShipKey() : validateShipKey(input.value, 'shipApiKey');
      const { client, target } = await faceSession(ctx, hooks);
      const current = await client.getSpaceIntegration(target);
      if (!current.host || current.port === 0) {
        throw new AppError(
          'SETUP_SPACE_DETAILS_MISSING',
          'XS4 Face has no Space Server Details yet.',
          'Save the Space Server Details first, then set the SHIP API key.',
        );
      }
      const fp = faceKeyFingerprint(key);
      const held = current.shipApiKey.set ? current.shipApiKey.fingerprint : null;
      // Space's SHIP tab may already hold the key XS4 Face has: a different one makes Space Unauthorized until it is
      // typed there too, so it is written only when the technician confirmed (the same key again changes nothing).
      if (current.shipApiKey.set && held !== fp && input.replace !== true) {
        throw new AppError(
          'SHIP_KEY_REPLACE_UNCONFIRMED',
          `XS4 Face already has a SHIP API key (fingerprint ${held ?? 'unknown'}). A new key replaces it at once, and Space is refused (Unauthorized) until the new key is typed into Space's SHIP tab.`,
          "Keep the key XS4 Face has, or confirm the replacement and then type the new key into Space's SHIP tab (General options › SHIP).",
          { fingerprint: held ?? '' },
        );
      }
      /** Sends the key (or, resuming, waits for it), verifies it by fingerprint, then keeps it here and records it.
       * Until then the key exists only in this operation's memory: a restart loses it (generate or enter it again). */
      const write = async (h: OperationHooks, resume?: Resume): Promise<MaskedSecret> => {
        const session = await faceSession(ctx, h);
        const applied = await session.client.updateSpaceIntegration(
          target,
          { host: current.host, port: current.port, https: current.https, shipApiKey: key },
          resume,
        );
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
              summary:
                held !== null && held !== fp
                  ? `SHIP API key replaced in XS4 Face (fingerprint ${held} → ${fp}), as the technician confirmed; type the new key into Space's SHIP tab`
                  : `SHIP API key ${'generate' in input ? 'generated and ' : ''}saved in XS4 Face (fingerprint ${fp}); enter the same key in Space's SHIP tab`,
            },
          },
          [key],
        );
        return { set: true, fingerprint: fp };
      };
      return pendingAware(
        ctx.pendingWrites,
        hooks,
        (h) => write(h),
        async (h, resume) => ({
          write: 'shipKey',
          shipKey: await write(h, resume),
        }),
      );
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
    async resetAuthKey(hooks = {}) {
      const { client, target } = await faceSession(ctx, hooks);
      const options = await client.getSpaceGeneralOptions(target);
      const before = options.find((o) => o.secret);
      // What the reset must change (the client compares the key row after the reset with it).
      const previousKey = options.find((o) => o.id === AUTH_KEY_OPTION_ID)?.value;
      /** Resets (or, resuming, waits for the reset), reads the options back and records it. */
      const write = async (h: OperationHooks, resume?: Resume): Promise<GeneralOptionView[]> => {
        const session = await faceSession(ctx, h);
        const applied = await session.client.resetAuthenticationKey(
          target,
          resume === undefined ? undefined : { ...resume, previousKey },
        );
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
      };
      return pendingAware(
        ctx.pendingWrites,
        hooks,
        (h) => write(h),
        async (h, resume) => ({
          write: 'authKey',
          generalOptions: await write(h, resume),
        }),
      );
    },
  };
}
