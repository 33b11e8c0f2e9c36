// The Space server the flow works with: the details XS4 Face holds, and the last ones seen when it cannot be read.
import { serviceRootUrl } from '../../../contract/rules/url-host';
import type { SpaceDetails } from '../../../contract/setup-shapes';
import { faceSession, type SetupContext } from './context';

/** Remembers the details last read or written, so Space can be checked while XS4 Face cannot be read. */
export async function rememberSpace(ctx: SetupContext, details: SpaceDetails): Promise<void> {
  const last = (await ctx.state.read()).lastSpace;
  if (last?.host !== details.host || last.port !== details.port || last.https !== details.https) {
    await ctx.state.update((st) => void (st.lastSpace = details));
  }
}

/** What XS4 Face holds as Space Server Details; null while it has none. */
export async function readSpaceDetails(ctx: SetupContext): Promise<SpaceDetails | null> {
  const { client, target } = await faceSession(ctx);
  const s = await client.getSpaceIntegration(target);
  if (!s.host || s.port === 0) return null;
  const details = { host: s.host, port: s.port, https: s.https };
  await rememberSpace(ctx, details);
  return details;
}

/** Space's SHIP URL and the fingerprint pinned for it (a Space with a self-signed certificate the technician accepted). */
export async function spaceEndpoint(
  ctx: SetupContext,
  details: SpaceDetails,
): Promise<{ url: string; pin: string | undefined }> {
  const pins = (await ctx.deps.settings.get()).pinnedFingerprints;
  return { url: serviceRootUrl(details), pin: pins[`${details.host}:${details.port}`] };
}
