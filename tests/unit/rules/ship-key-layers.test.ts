// One SHIP key rule (contract/rules/ship-key.ts) and every layer that takes a key accepts exactly the same set: the
// page's form check, the IPC contract, the CLI's secret reader, the core (setup step and SHIP client) and the XS4 Face
// client. A key the form accepts never fails later under another field name.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shipKeyProblem, SHIP_KEY_MAX, SHIP_KEY_MIN } from '../../../contract/rules/ship-key';
import { setupContract } from '../../../contract/setup-channels';
import { validateShipKey as formCheck } from '../../../renderer/store/validation';
import { readSecret, SHIP_KEY } from '../../../main/cli/secrets';
import type { CliIo } from '../../../main/cli/io';
import { validateShipKey as coreCheck } from '../../../main/core/secrets/ship-key';
import { validateShipKey as shipClientCheck } from '../../../main/core/space/ship-client';
import { createFaceClient } from '../../../main/core/face/face-client';
import { staticTokenProvider } from '../../../main/core/face/token-provider';
import { isAppError } from '../../../main/core/errors';

const contractAccepts = (v: string): boolean =>
  setupContract['setup.setShipKey'].input.safeParse({ operationId: 'op-ship-key-rule', value: v }).success;
const formAccepts = (v: string): boolean => formCheck('shipKey', v) === null;
const throwsInvalid = (f: () => unknown): boolean => {
  try {
    f();
    return true;
  } catch (e) {
    if (isAppError(e) && e.code === 'INVALID_INPUT') return false;
    throw e;
  }
};
const coreAccepts = (v: string): boolean => throwsInvalid(() => coreCheck(v, 'shipApiKey'));
const shipClientAccepts = (v: string): boolean => throwsInvalid(() => shipClientCheck(v));

/** The CLI reads the key as a Notepad file would hold it (BOM, CRLF); only that framing is taken off. */
async function cliAccepts(v: string): Promise<boolean> {
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: () => true },
    readStdin: () => Promise.resolve(`\uFEFF${v}\r\n`),
    env: {},
    platform: 'linux',
    hostname: () => 'h',
    now: () => new Date(),
  };
  try {
    return (await readSecret(SHIP_KEY, { 'ship-key-stdin': true }, io)) === v;
  } catch (e) {
    if (isAppError(e) && e.code === 'USAGE') return false;
    throw e;
  }
}

/** The XS4 Face client checks the key before anything is sent (nothing listens on port 1: a valid key gets that far). */
async function faceClientAccepts(v: string): Promise<boolean> {
  const client = createFaceClient({
    baseUrl: 'https://127.0.0.1:1/',
    tokenProvider: staticTokenProvider('token'),
    timeoutMs: 2000,
    retries: 0,
  });
  try {
    await client.updateSpaceIntegration(
      { siteId: 's', serverId: 'f' },
      { host: 'space.local', port: 8100, https: true, shipApiKey: v },
    );
    return true;
  } catch (e) {
    if (isAppError(e) && e.code === 'INVALID_INPUT') return false;
    return true;
  }
}

const keyLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.stringMatching(/^[\x21-\x7e]{1,300}$/),
  fc.stringMatching(/^[ -~]{0,12}$/),
  fc.constantFrom(
    'abcd',
    'abc',
    ' abcd',
    'abcd ',
    'ab cd',
    'ab\tcd',
    'ab\ncd',
    'clé-secrète',
    'x'.repeat(SHIP_KEY_MAX),
    'x'.repeat(SHIP_KEY_MAX + 1),
  ),
);

describe('the one SHIP key rule', () => {
  it('is printable ASCII without spaces, within the bounds', () => {
    expect(shipKeyProblem('x'.repeat(SHIP_KEY_MIN))).toBeNull();
    expect(shipKeyProblem('x'.repeat(SHIP_KEY_MAX))).toBeNull();
    expect(shipKeyProblem('Ab1-_.~!#$%&*+/=?^`{|}')).toBeNull();
    expect(shipKeyProblem('ab cd')?.rule).toBe('noSpaces');
    expect(shipKeyProblem('clé-secrète')?.rule).toBe('asciiOnly');
    expect(shipKeyProblem('ab\ncd')?.rule).toBe('oneLine');
    expect(shipKeyProblem('x'.repeat(SHIP_KEY_MAX + 1))?.rule).toBe('maxLength');
  });

  it('every layer accepts exactly the keys the rule accepts', async () => {
    await fc.assert(
      fc.asyncProperty(keyLike, async (v) => {
        const rule = shipKeyProblem(v) === null;
        const layers = {
          form: formAccepts(v),
          contract: contractAccepts(v),
          cli: await cliAccepts(v),
          core: coreAccepts(v),
          shipClient: shipClientAccepts(v),
          faceClient: await faceClientAccepts(v),
        };
        expect(layers).toEqual({
          form: rule,
          contract: rule,
          cli: rule,
          core: rule,
          shipClient: rule,
          faceClient: rule,
        });
      }),
      { numRuns: 300 },
    );
  });
});
