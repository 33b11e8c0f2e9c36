// Step "SHIP API Key": generate or take the key, write it to XS4 Face and verify it by fingerprint; reset the auth key.
import { AppError } from '../../errors';
import { text } from '../../../../contract/text';
import { faceKeyFingerprint } from '../../secrets/fingerprint';
import { validateShipKey } from '../../secrets/ship-key';
import type { GeneralOptionView, MaskedSecret } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
import { AUTH_KEY_OPTION_ID } from '../../face/face-assumptions';
import { unsentIfCancelled } from '../pending-writes';
import { sendWrite } from '../write-step';
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
      return unsentIfCancelled(async () => {
        const key = 'generate' in input ? generateShipKey() : validateShipKey(input.value, 'shipApiKey');
        const { client, target } = await faceSession(ctx, hooks);
        const current = await client.getSpaceIntegration(target);
        if (!current.host || current.port === 0)
          throw new AppError('SETUP_SPACE_DETAILS_MISSING', { variant: 'shipKey' });
        const fp = faceKeyFingerprint(key);
        const held = current.shipApiKey.set ? current.shipApiKey.fingerprint : null;
        // Space's SHIP tab may already hold the key XS4 Face has: a different one makes Space Unauthorized until it is
        // typed there too, so it is written only when the technician confirmed (the same key again changes nothing).
        if (current.shipApiKey.set && held !== fp && input.replace !== true) {
          throw new AppError('SHIP_KEY_REPLACE_UNCONFIRMED', {
            params: { fingerprint: held ?? '?' },
            detail: { fingerprint: held ?? '' },
          });
        }
        return sendWrite<MaskedSecret>(ctx, hooks, {
          // Sends the key (or, resuming, waits for it), verifies it by fingerprint, then keeps it here and records it.
          // Until then the key exists only in this operation's memory: a restart loses it (generate or enter it again).
          async write(face, resume) {
            const applied = await face.updateSpaceIntegration(
              target,
              { host: current.host, port: current.port, https: current.https, shipApiKey: key },
              resume,
            );
            if (applied.value.shipApiKey.fingerprint !== fp)
              throw new AppError('FACE_WRITE_NOT_APPLIED', { variant: 'shipKey' });
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
                      ? text('setup.history.shipKeyReplaced', { before: held, after: fp })
                      : 'generate' in input
                        ? text('setup.history.shipKeyGenerated', { fingerprint: fp })
                        : text('setup.history.shipKeySaved', { fingerprint: fp }),
                },
              },
              [key],
            );
            return { set: true, fingerprint: fp };
          },
          finished: (shipKey) => ({ write: 'shipKey', shipKey }),
        });
      });
    },
    async revealShipKey() {
      const key = await deps.secrets.get('shipApiKey');
      if (!key) throw new AppError('SHIP_KEY_NOT_SET');
      return key;
    },
    async resetAuthKey(hooks = {}) {
      return unsentIfCancelled(async () => {
        const { client, target } = await faceSession(ctx, hooks);
        const options = await client.getSpaceGeneralOptions(target);
        const before = options.find((o) => o.secret);
        // What the reset must change (the client compares the key row after the reset with it).
        const previousKey = options.find((o) => o.id === AUTH_KEY_OPTION_ID)?.value;
        return sendWrite<GeneralOptionView[]>(ctx, hooks, {
          // Resets (or, resuming, waits for the reset), reads the options back and records it.
          async write(face, resume) {
            const applied = await face.resetAuthenticationKey(
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
                summary: text('setup.history.authKeyReset'),
              },
            });
            return generalOptionViews(applied.value);
          },
          finished: (generalOptions) => ({ write: 'authKey', generalOptions }),
        });
      });
    },
  };
}
