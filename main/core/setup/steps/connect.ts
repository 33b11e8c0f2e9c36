// Step "Connect to XS4 Face": the server URL and token, the certificate judged on first contact, the pin the technician
// accepts, and the site → server choice. An attempt is a draft: the saved address, token and pin change only when the new
// ones connect, so a wrong token, a wrong port or an unanswered certificate question never breaks what worked.
import { reasonOf } from '../reason';
import { text } from '../../../../contract/text';
import { AppError, invalidInput, isAppError } from '../../errors';
import { faceApiEndpoint } from '../../face/face-client';
import { inspectFaceCertificate } from '../../face/face-trust';
import { staticTokenProvider, type TokenProvider } from '../../face/token-provider';
import { canonicalFingerprint } from '../../../../contract/rules/fingerprint';
import { hostInUrl } from '../../../../contract/rules/url-host';
import type { ConnectResult, FaceChoice, NeedsTrust } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
import type { CertificateInfo } from '../../../../contract/certificate';
import { FaceCodes } from '../../face/face-errors';
import {
  faceClientFor,
  faceClientWith,
  faceHostPort,
  faceOrigin,
  noFaceToken,
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

/** A connection attempt waiting for the technician's answer about the certificate (kept in memory only). */
interface Draft {
  base: string;
  /** The token typed for this attempt; null when it uses the Microsoft sign-in or the token saved for this server. */
  token: string | null;
  question: NeedsTrust;
}

/** A certificate the technician accepted in this run, pinned on disk only once a connection through it works. */
interface Accepted {
  fingerprint256: string;
  subject: string;
}

export function connectSteps(
  ctx: SetupContext,
): Pick<
  SetupService,
  | 'connectFace'
  | 'trustFaceCertificate'
  | 'connectDraft'
  | 'refuseFaceCertificate'
  | 'faceServerChoices'
  | 'chooseFaceServer'
  | 'faceChoice'
> {
  const { deps } = ctx;
  let draft: Draft | null = null;
  const accepted = new Map<string, Accepted>();

  /** The credential this attempt sends: the sign-in for this server, else the token typed, else the one saved for it. */
  async function credential(
    base: string,
    typed: string | null,
  ): Promise<{ provider: TokenProvider } | { tokenFor: string }> {
    const signedIn = await deps.faceTokenProvider?.(base);
    if (signedIn) return { provider: signedIn };
    if (typed !== null) return { provider: staticTokenProvider(typed) };
    if (!(await deps.secrets.has('faceToken'))) throw noFaceToken();
    // The saved token belongs to the server it was entered for: it is never sent to another address.
    const tokenFor = await storedTokenOrigin(ctx);
    if (tokenFor !== faceOrigin(base)) return { tokenFor: tokenFor ?? '' };
    const saved = await deps.secrets.get('faceToken');
    if (!saved) throw noFaceToken();
    return { provider: staticTokenProvider(saved) };
  }

  /** The attempt connected: its address, token and the certificate accepted for it replace the saved ones. */
  async function commit(base: string, typed: string | null, pin: string | undefined): Promise<void> {
    const at = faceHostPort(base);
    const before = await deps.settings.get();
    const sameServer = before.faceServerUrl !== '' && faceOrigin(before.faceServerUrl) === faceOrigin(base);
    const oldToken =
      typed === null
        ? null
        : { value: await deps.secrets.get('faceToken'), boundTo: await deps.secrets.boundTo('faceToken') };
    if (typed !== null) await deps.secrets.set('faceToken', typed, faceOrigin(base));
    const pinned = pin !== undefined && before.pinnedFingerprints[at] !== pin;
    try {
      await deps.settings.update({
        faceServerUrl: base,
        ...(pinned ? { pinnedFingerprints: { ...before.pinnedFingerprints, [at]: pin } } : {}),
      });
    } catch (e) {
      // The address could not be saved: the token goes back to the one the saved address works with.
      if (oldToken !== null)
        await (
          oldToken.value === null
            ? deps.secrets.delete('faceToken')
            : deps.secrets.set('faceToken', oldToken.value, oldToken.boundTo ?? undefined)
        ).catch(() => undefined);
      throw e;
    }
    const trusted = accepted.get(at);
    if (pinned && trusted?.fingerprint256 === pin) {
      await ctx.record({
        kind: 'setting',
        target: `trust:${at}`,
        after: { fingerprint256: pin, subject: trusted.subject },
        result: { ok: true, summary: text('setup.history.trustedFace', { at }) },
      });
    }
    accepted.delete(at);
    // The site › server chosen on another server means nothing here: this server's own is chosen next.
    if (!sameServer) await ctx.state.update((s) => void (s.face = null));
  }

  async function connectFace(url: string, token: string | null): Promise<ConnectResult> {
    const base = faceBaseUrl(url);
    const at = faceHostPort(base);
    // A new attempt replaces any certificate question left open.
    draft = null;
    ctx.lastFaceAttempt = base;
    const typed = token === null ? null : token.trim();
    if (typed !== null && typed.length === 0) throw invalidInput('token', text('rules.required'));
    const cred = await credential(base, typed);
    if ('tokenFor' in cred) return { state: 'needs-token', url: base, tokenFor: cred.tokenFor };
    const pin = accepted.get(at)?.fingerprint256 ?? (await deps.settings.get()).pinnedFingerprints[at];
    let trustedBy: 'system' | 'pin' = 'pin';
    let certificate = null;
    if (!pin) {
      const report = await inspectFaceCertificate(base, {
        timeoutMs: ctx.requestMs,
        ...(deps.extraCa ? { extraCa: deps.extraCa } : {}),
      });
      if (!report.trustedBySystem) {
        const reason = reasonOf(
          new AppError(report.problem ?? 'TLS_UNTRUSTED', {
            key: 'errors.FACE_TLS_NOT_TRUSTED',
            params: { at },
          }),
        );
        const question: NeedsTrust = {
          state: 'needs-trust',
          url: base,
          certificate: report.certificate,
          reason,
        };
        draft = { base, token: typed, question };
        return question;
      }
      trustedBy = 'system';
      certificate = report.certificate;
    }
    const client = faceClientWith(ctx, base, cred.provider, pin);
    try {
      await client.whoAmI();
    } catch (e) {
      // The pinned certificate was replaced (even by one this machine trusts): nothing was sent; show old and new.
      const changed = pin !== undefined && isAppError(e) && e.code === FaceCodes.TLS_PIN_MISMATCH;
      const seen = changed ? (e.detail?.certificate as CertificateInfo | undefined) : undefined;
      if (!seen) throw e;
      const question: NeedsTrust = {
        state: 'needs-trust',
        url: base,
        certificate: seen,
        reason: reasonOf(e as AppError),
        previousFingerprint256: pin,
      };
      draft = { base, token: typed, question };
      return question;
    }
    await commit(base, typed, pin);
    // The server chosen before (if the account still has it) or the only one, remembered with the names the Console
    // shows now; several and none chosen is FACE_SERVER_NOT_SELECTED, listing them (the page then shows its picker).
    const previous = (await ctx.state.read()).face;
    await chooseAndRemember(ctx.state, serverChoices(await client.listSites(), previous));
    return { state: 'connected', url: base, certificate, trustedBy };
  }

  async function trustFaceCertificate(url: string, fingerprint256: string): Promise<ConnectResult> {
    const fp = canonicalFingerprint(fingerprint256);
    if (fp === null) throw invalidInput('fingerprint256', text('rules.sha256Fingerprint'));
    const base = faceBaseUrl(url);
    // The question answered: the attempt it belongs to goes on with the token typed for it (a reload kept it here).
    const asked = draft?.base === base ? draft : null;
    draft = null;
    // Accept only what the server presents now: a certificate swapped since the dialog opened is not accepted.
    const report = await inspectFaceCertificate(base, { timeoutMs: ctx.requestMs });
    if (report.certificate.fingerprint256 !== fp) {
      throw new AppError('FACE_TLS_PIN_MISMATCH', {
        variant: 'swapped',
        detail: { expected: fp, actual: report.certificate.fingerprint256 },
      });
    }
    // Remembered for this run, so a corrected token does not ask again; pinned on disk once the connection works.
    accepted.set(faceHostPort(base), { fingerprint256: fp, subject: report.certificate.subject });
    const connected = await connectFace(base, asked?.token ?? null);
    return connected.state === 'connected' ? { ...connected, certificate: report.certificate } : connected;
  }

  async function connectDraft(): Promise<NeedsTrust | null> {
    return Promise.resolve(draft?.question ?? null);
  }

  async function refuseFaceCertificate(): Promise<null> {
    // Refused: the attempt ends here, nothing of it is kept.
    draft = null;
    return Promise.resolve(null);
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

  return {
    connectFace,
    trustFaceCertificate,
    connectDraft,
    refuseFaceCertificate,
    faceServerChoices,
    chooseFaceServer,
    faceChoice,
  };
}
