// What the checks are given when the setup flow runs them: the servers it knows, the pins and the secrets it holds.
import type { CheckContext, CheckInputs } from '../checks/types';
import { faceHostPort, storedFaceToken, type SetupContext } from './context';
import { readSpaceDetails, spaceEndpoint } from './space-target';

export async function checkInputs(ctx: SetupContext): Promise<CheckInputs> {
  const { deps } = ctx;
  const settings = await deps.settings.get();
  const s = await ctx.state.read();
  const inputs: CheckInputs = {};
  // What XS4 Face holds; when it cannot be read (server down, token expired), the details last seen, so Space's own
  // checks still run while XS4 Face is the problem.
  const details = await readSpaceDetails(ctx).catch(async () => (await ctx.state.read()).lastSpace ?? null);
  if (details) {
    const space = await spaceEndpoint(ctx, details);
    inputs.spaceUrl = space.url;
    if (space.pin) inputs.spacePinnedFingerprint256 = space.pin;
  }
  const key = await deps.secrets.get('shipApiKey');
  if (key) inputs.shipKey = key;
  // Nothing saved yet (the first connect failed): the address just tried, so Troubleshoot looks at what the technician
  // saw fail. Only its reachability: no token goes to an address that never connected (the token below is the saved one's).
  const faceUrl = settings.faceServerUrl || ctx.lastFaceAttempt;
  if (faceUrl) {
    inputs.faceUrl = faceUrl;
    const pin = settings.pinnedFingerprints[faceHostPort(faceUrl)];
    if (pin) inputs.facePinnedFingerprint256 = pin;
  }
  // Only a token entered for the connected server goes to the checks (they send it to faceUrl).
  const token = settings.faceServerUrl
    ? await storedFaceToken(ctx, settings.faceServerUrl).catch(() => null)
    : null;
  if (token) inputs.faceToken = token;
  // Checks take a token string: a signed-in provider gives a current one (a check run lasts well under its life).
  const signedIn = settings.faceServerUrl ? await deps.faceTokenProvider?.(settings.faceServerUrl) : null;
  if (signedIn) inputs.faceToken = await signedIn.getToken(deps.signal);
  if (s.face) {
    inputs.faceSiteId = s.face.siteId;
    inputs.faceServerId = s.face.serverId;
  }
  if (deps.extraCa) inputs.extraCa = deps.extraCa;
  return inputs;
}

export function checkContext(
  ctx: SetupContext,
  inputs: CheckInputs,
  signal: AbortSignal,
  dependencies: Record<string, unknown> = {},
): CheckContext {
  return {
    inputs,
    signal,
    timeoutMs: ctx.checkMs,
    platform: ctx.deps.platform,
    now: ctx.deps.now,
    dependencies,
  };
}
