// Step "Connect to XS4 Face": the server URL and token, the certificate judged on first contact, the pin the technician
// accepts, and the site → server choice.
import { AppError, invalidInput, isAppError, toErrorInfo } from '../../errors';
import { faceApiEndpoint } from '../../face/face-client';
import { inspectFaceCertificate } from '../../face/face-trust';
import { canonicalFingerprint } from '../../../../contract/rules/fingerprint';
import { hostInUrl } from '../../../../contract/rules/url-host';
import type { ConnectResult, FaceChoice } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
import type { CertificateInfo } from '../../../../contract/certificate';
import { FaceCodes } from '../../face/face-errors';
import {
  faceClientFor,
  faceHostPort,
  faceOrigin,
  notConnected,
  storedTokenOrigin,
  type SetupContext,
} from '../context';
import {
  listServerChoices,
  serverChoices,
  type ServerChoice,
  type ServerChoices,
} from '../../face/server-choices';
import { chooseFaceServer as chooseAndRemember } from '../face-choice';

/** The server's base URL as stored: scheme, host (IPv6 bracketed), port, and the path above the API root. */
function faceBaseUrl(url: string): string {
  const ep = faceApiEndpoint(url); // refuses http:// and bad hosts, naming the field
  return `${ep.protocol}//${hostInUrl(ep.host)}:${ep.port}${ep.path.slice(0, -'api/v1/'.length) || '/'}`;
}

export function connectSteps(
  ctx: SetupContext,
): Pick<
  SetupService,
  'connectFace' | 'trustFaceCertificate' | 'faceServerChoices' | 'chooseFaceServer' | 'faceChoice'
> {
  const { deps } = ctx;

  async function connectFace(url: string, token: string | null): Promise<ConnectResult> {
    const base = faceBaseUrl(url);
    const origin = faceOrigin(base);
    if (token !== null) {
      const t = token.trim();
      if (t.length === 0) throw invalidInput('token', 'must not be empty');
      // The token belongs to this server: it is never sent to another URL entered later.
      await deps.secrets.set('faceToken', t, origin);
    } else if (!(await deps.faceTokenProvider?.(base)) && (await deps.secrets.has('faceToken'))) {
      // A Microsoft sign-in for this server needs no pasted token; without one, the pasted token must be this server's.
      const tokenFor = await storedTokenOrigin(ctx);
      if (tokenFor !== origin) return { state: 'needs-token', url: base, tokenFor: tokenFor ?? '' };
    }
    await deps.settings.update({ faceServerUrl: base });
    const pin = (await deps.settings.get()).pinnedFingerprints[faceHostPort(base)];
    let trustedBy: 'system' | 'pin' = 'pin';
    let certificate = null;
    if (!pin) {
      const report = await inspectFaceCertificate(base, {
        timeoutMs: ctx.requestMs,
        ...(deps.extraCa ? { extraCa: deps.extraCa } : {}),
      });
      if (!report.trustedBySystem) {
        const reason = toErrorInfo(
          new AppError(
            report.problem ?? 'TLS_UNTRUSTED',
            `This computer does not trust the certificate of ${faceHostPort(base)}.`,
            'Compare the SHA-256 fingerprint with the one shown on the XS4 Face server, then trust it.',
          ),
        );
        return {
          state: 'needs-trust',
          url: base,
          certificate: report.certificate,
          reason: { code: reason.code, message: reason.message, remedy: reason.remedy },
        };
      }
      trustedBy = 'system';
      certificate = report.certificate;
    }
    const client = await faceClientFor(ctx, base);
    try {
      await client.whoAmI();
    } catch (e) {
      // The pinned certificate was replaced (even by one this machine trusts): nothing was sent; show old and new.
      const changed = pin !== undefined && isAppError(e) && e.code === FaceCodes.TLS_PIN_MISMATCH;
      const seen = changed ? (e.detail?.certificate as CertificateInfo | undefined) : undefined;
      if (!seen) throw e;
      const reason = toErrorInfo(e);
      return {
        state: 'needs-trust',
        url: base,
        certificate: seen,
        reason: { code: reason.code, message: reason.message, remedy: reason.remedy },
        previousFingerprint256: pin,
      };
    }
    // The server chosen before (if the account still has it) or the only one, remembered with the names the Console
    // shows now; several and none chosen is FACE_SERVER_NOT_SELECTED, listing them (the page then shows its picker).
    const previous = (await ctx.state.read()).face;
    await chooseAndRemember(ctx.state, serverChoices(await client.listSites(), previous));
    return { state: 'connected', url: base, certificate, trustedBy };
  }

  async function trustFaceCertificate(url: string, fingerprint256: string): Promise<ConnectResult> {
    const fp = canonicalFingerprint(fingerprint256);
    if (fp === null) throw invalidInput('fingerprint256', 'must be a SHA-256 fingerprint (64 hex digits)');
    // Accept only what the server presents now: a certificate swapped since the dialog opened is not pinned.
    const report = await inspectFaceCertificate(url, { timeoutMs: ctx.requestMs });
    if (report.certificate.fingerprint256 !== fp) {
      throw new AppError(
        'FACE_TLS_PIN_MISMATCH',
        'The server now presents a different certificate than the one you were shown.',
        'Check the server; connect again to see the current certificate.',
        { expected: fp, actual: report.certificate.fingerprint256 },
      );
    }
    const at = faceHostPort(url);
    const settings = await deps.settings.get();
    await deps.settings.update({ pinnedFingerprints: { ...settings.pinnedFingerprints, [at]: fp } });
    await ctx.record({
      kind: 'setting',
      target: `trust:${at}`,
      after: { fingerprint256: fp, subject: report.certificate.subject },
      result: { ok: true, summary: `Trusted the certificate of ${at}` },
    });
    const connected = await connectFace(url, null);
    return connected.state === 'connected' ? { ...connected, certificate: report.certificate } : connected;
  }

  async function faceServerChoices(url?: string): Promise<ServerChoices> {
    const base = url ?? (await deps.settings.get()).faceServerUrl;
    if (!base) throw notConnected();
    const client = await faceClientFor(ctx, base);
    return listServerChoices(client, (await ctx.state.read()).face);
  }

  async function chooseFaceServer(
    wanted: { site?: string | undefined; server?: string | undefined },
    url?: string,
  ): Promise<ServerChoice> {
    return chooseAndRemember(ctx.state, await faceServerChoices(url), wanted);
  }

  async function faceChoice(): Promise<FaceChoice | null> {
    const url = (await deps.settings.get()).faceServerUrl;
    const face = (await ctx.state.read()).face;
    if (!url || !face) return null;
    return {
      url,
      siteId: face.siteId,
      serverId: face.serverId,
      siteName: face.siteName ?? null,
      serverName: face.serverName ?? null,
    };
  }

  return { connectFace, trustFaceCertificate, faceServerChoices, chooseFaceServer, faceChoice };
}
