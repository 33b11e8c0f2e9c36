// Client of the XS4 Face server contract (docs/face-server-api.md): one method per endpoint, every write read back
// and verified. The transport (retries, parsing, pending writes) is face-transport.ts.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { text } from '../../../contract/text';
import { AppError, invalidInput } from '../errors';
import { validateHost, validatePort } from '../net/endpoint';
import {
  AddIntegrationsSchema,
  type Change,
  ChangeSchema,
  type Enrollment,
  EnrollmentSchema,
  type GeneralOption,
  GeneralOptionsSchema,
  InstallScriptSchema,
  type IntegrationsList,
  IntegrationsSchema,
  type FaceSite,
  SitesSchema,
  type SpaceIntegration,
  SpaceIntegrationSchema,
  type SpaceIntegrationUpdate,
  type WhoAmI,
  WhoAmISchema,
  FacePaths,
} from './face-contract';
import { AUTH_KEY_OPTION_ID, FACE_MAX_SCRIPT_BYTES } from './face-assumptions';
import { FaceCodes, type FaceRoute, badResponse } from './face-errors';
import type { FaceTarget } from './face-selection';
import { faceKeyFingerprint } from '../secrets/fingerprint';
import { validateShipKey } from '../secrets/ship-key';
import { checkFaceId, createFaceTransport, type FaceClientOptions } from './face-transport';

// Callers get the selection helpers and the transport's options and API root from the client module too.
export type { FaceTarget } from './face-selection';
export { selectServer } from './face-selection';
export { faceApiEndpoint, type FaceClientOptions, type PendingProgress } from './face-transport';

/** A write that the server has applied and that was read back equal. */
export interface Applied<T> {
  value: T;
  changeId: string;
  /** Time spent waiting while the change was pending. */
  waitedMs: number;
}

/**
 * Resumes a write that ended FACE_WRITE_PENDING (its error's `detail.changeId`): the write is not sent again; the client
 * waits for that change, then reads back and verifies exactly as the write would have.
 */
export interface Resume {
  changeId: string;
  /**
   * A write whose answer never came (FACE_WRITE_UNCONFIRMED): there is no change to wait for, only the read back that
   * says whether XS4 Face holds the values (`changeId` is then the assistant's own id for it).
   */
  readBackOnly?: boolean;
}

export interface InstallScript {
  fileName: string;
  content: Buffer;
  sha256: string;
}

export interface FaceClient {
  whoAmI(): Promise<WhoAmI>;
  listSites(): Promise<FaceSite[]>;
  listIntegrations(t: FaceTarget): Promise<IntegrationsList>;
  addIntegrations(t: FaceTarget, types: string[], resume?: Resume): Promise<Applied<IntegrationsList>>;
  getSpaceIntegration(t: FaceTarget): Promise<SpaceIntegration>;
  updateSpaceIntegration(
    t: FaceTarget,
    update: SpaceIntegrationUpdate,
    resume?: Resume,
  ): Promise<Applied<SpaceIntegration>>;
  getSpaceGeneralOptions(t: FaceTarget): Promise<GeneralOption[]>;
  /** Resuming needs the key before the reset (read by the first attempt): the new one must differ from it. */
  resetAuthenticationKey(
    t: FaceTarget,
    resume?: Resume & { previousKey: string | undefined },
  ): Promise<Applied<GeneralOption[]> & { keyFingerprint: string }>;
  getEnrollment(t: FaceTarget): Promise<Enrollment>;
  updateEnrollment(t: FaceTarget, update: Enrollment, resume?: Resume): Promise<Applied<Enrollment>>;
  downloadInstallScript(t: FaceTarget): Promise<InstallScript>;
  /** Keeps waiting for a change still pending (e.g. after FACE_WRITE_PENDING): resolves with the time waited. */
  waitForChange(t: FaceTarget, changeId: string): Promise<number>;
}

function oneLine(field: string, v: string, max: number): string {
  const s = v.trim();
  if (s.length === 0) throw invalidInput(field, text('rules.required'));
  if (s.length > max) throw invalidInput(field, text('rules.maxLength', { max }));
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F-\u009F]/.test(s)) throw invalidInput(field, text('rules.noControl'));
  return s;
}

export function createFaceClient(opts: FaceClientOptions): FaceClient {
  const { call, settle, scoped, notApplied } = createFaceTransport(opts);
  const WriteSchema = z.object({ change: ChangeSchema });

  /** Sends a write and waits while it is pending, or (resuming) waits for the change already sent. */
  async function submit(
    t: FaceTarget,
    route: FaceRoute,
    resume: Resume | undefined,
    send: () => Promise<Change>,
  ): Promise<{ changeId: string; waitedMs: number }> {
    if (resume !== undefined) checkFaceId('changeId', resume.changeId);
    if (resume?.readBackOnly === true) return { changeId: resume.changeId, waitedMs: 0 };
    const change =
      resume === undefined
        ? await send()
        : await call(ChangeSchema, 'change status', scoped(t, FacePaths.change(resume.changeId)));
    return { changeId: change.changeId, waitedMs: await settle(t, route, change) };
  }

  return {
    whoAmI: () => call(WhoAmISchema, 'sign-in check', FacePaths.whoami),

    listSites: async () => (await call(SitesSchema, 'site list', FacePaths.sites)).sites,

    listIntegrations: (t) => call(IntegrationsSchema, 'integration list', scoped(t, FacePaths.integrations)),

    async addIntegrations(t, types, resume) {
      const body = AddIntegrationsSchema.safeParse({ add: types });
      if (!body.success) throw invalidInput('integrations', text('rules.integrationIds'));
      const w = await submit(t, 'add integrations', resume, async () => {
        const sent = await call(WriteSchema, 'add integrations', scoped(t, FacePaths.integrations), {
          method: 'POST',
          body: body.data,
        });
        return sent.change;
      });
      const list = await call(IntegrationsSchema, 'integration list', scoped(t, FacePaths.integrations));
      const have = new Set(list.integrations.map((i) => i.type));
      for (const type of body.data.add)
        if (!have.has(type)) throw notApplied('add integrations', 'integrations', body.data.add, [...have]);
      return { value: list, ...w };
    },

    getSpaceIntegration: (t) => call(SpaceIntegrationSchema, 'Space integration', scoped(t, FacePaths.space)),

    async updateSpaceIntegration(t, update, resume) {
      const host = validateHost(update.host, 'spaceHost');
      const port = validatePort(update.port, 'spacePort');
      if (typeof update.https !== 'boolean') throw invalidInput('spaceHttps', text('rules.type.boolean'));
      const key =
        update.shipApiKey === undefined ? undefined : validateShipKey(update.shipApiKey, 'shipApiKey');
      const body = { host, port, https: update.https, ...(key !== undefined ? { shipApiKey: key } : {}) };
      const secrets = key !== undefined ? [key] : [];
      const w = await submit(t, 'Space server details', resume, async () => {
        const sent = await call(WriteSchema, 'Space server details', scoped(t, FacePaths.space), {
          method: 'PUT',
          body,
          secrets,
        });
        return sent.change;
      });
      const after = await call(SpaceIntegrationSchema, 'Space integration', scoped(t, FacePaths.space), {
        secrets,
      });
      if (after.host.toLowerCase() !== host)
        throw notApplied('Space server details', 'host', host, after.host);
      if (after.port !== port) throw notApplied('Space server details', 'port', port, after.port);
      if (after.https !== update.https)
        throw notApplied('Space server details', 'https', update.https, after.https);
      if (key !== undefined) {
        const fp = faceKeyFingerprint(key);
        if (!after.shipApiKey.set || after.shipApiKey.fingerprint !== fp) {
          throw notApplied('Space server details', 'shipApiKeyFingerprint', fp, after.shipApiKey.fingerprint);
        }
      }
      return { value: after, ...w };
    },

    getSpaceGeneralOptions: async (t) =>
      (await call(GeneralOptionsSchema, 'Space General Options', scoped(t, FacePaths.generalOptions)))
        .options,

    async resetAuthenticationKey(t, resume) {
      const authKey = (opts: GeneralOption[]): string | undefined =>
        opts.find((o) => o.id === AUTH_KEY_OPTION_ID)?.value;
      const before =
        resume !== undefined
          ? resume.previousKey
          : authKey(
              (await call(GeneralOptionsSchema, 'Space General Options', scoped(t, FacePaths.generalOptions)))
                .options,
            );
      const w = await submit(t, 'reset authentication key', resume, async () => {
        const sent = await call(WriteSchema, 'reset authentication key', scoped(t, FacePaths.resetAuthKey), {
          method: 'POST',
          body: {},
        });
        return sent.change;
      });
      const options = (
        await call(GeneralOptionsSchema, 'Space General Options', scoped(t, FacePaths.generalOptions))
      ).options;
      const after = authKey(options);
      if (after === undefined || after.length === 0) {
        throw badResponse('Space General Options', text('face.badResponse.noAuthKey'), {
          option: AUTH_KEY_OPTION_ID,
        });
      }
      if (after === before) {
        const fp = faceKeyFingerprint(after);
        throw new AppError(FaceCodes.WRITE_NOT_APPLIED, {
          variant: 'sameKey',
          params: { fingerprint: fp },
          detail: { route: 'reset authentication key', field: 'authKeyFingerprint', actual: fp },
        });
      }
      return { value: options, ...w, keyFingerprint: faceKeyFingerprint(after) };
    },

    getEnrollment: (t) =>
      call(EnrollmentSchema, 'Enrollment Service settings', scoped(t, FacePaths.enrollment)),

    async updateEnrollment(t, update, resume) {
      const companyName = oneLine('companyName', update.companyName, 256);
      const rawUrl = oneLine('privacyPolicyUrl', update.privacyPolicyUrl, 2048);
      let u: URL;
      try {
        u = new URL(rawUrl);
      } catch {
        throw invalidInput(
          'privacyPolicyUrl',
          text('rules.url.example', { example: 'https://example.com/privacy' }),
        );
      }
      if (u.protocol !== 'https:') throw invalidInput('privacyPolicyUrl', text('rules.url.https'));
      if (u.username || u.password) throw invalidInput('privacyPolicyUrl', text('rules.url.noCredentials'));
      const body = { companyName, privacyPolicyUrl: u.toString() };
      const w = await submit(t, 'Enrollment Service settings', resume, async () => {
        const sent = await call(WriteSchema, 'Enrollment Service settings', scoped(t, FacePaths.enrollment), {
          method: 'PUT',
          body,
        });
        return sent.change;
      });
      const after = await call(
        EnrollmentSchema,
        'Enrollment Service settings',
        scoped(t, FacePaths.enrollment),
      );
      if (after.companyName !== body.companyName)
        throw notApplied('Enrollment Service settings', 'companyName', body.companyName, after.companyName);
      if (after.privacyPolicyUrl !== body.privacyPolicyUrl)
        throw notApplied(
          'Enrollment Service settings',
          'privacyPolicyUrl',
          body.privacyPolicyUrl,
          after.privacyPolicyUrl,
        );
      return { value: after, ...w };
    },

    async waitForChange(t, changeId) {
      checkFaceId('changeId', changeId);
      const c = await call(ChangeSchema, 'change status', scoped(t, FacePaths.change(changeId)));
      return settle(t, 'change', c);
    },

    async downloadInstallScript(t) {
      const s = await call(InstallScriptSchema, 'Space Install Script', scoped(t, FacePaths.installScript), {
        maxBody: Math.ceil((FACE_MAX_SCRIPT_BYTES * 4) / 3) + 4096,
      });
      const content = Buffer.from(s.contentBase64, 'base64');
      const sha256 = createHash('sha256').update(content).digest('hex');
      if (sha256 !== s.sha256.toLowerCase()) {
        throw new AppError(FaceCodes.SCRIPT_HASH_MISMATCH, {
          params: { actual: sha256, expected: s.sha256.toLowerCase() },
          detail: { expected: s.sha256.toLowerCase(), actual: sha256 },
        });
      }
      return { fileName: s.fileName, content, sha256 };
    },
  };
}
