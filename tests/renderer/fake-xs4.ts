// A fake window.xs4 for renderer tests: the one seam between the page and the core, with just enough behaviour
// (progress that persists, a secret that is only revealed on request, events) to test the store and the views.
import type {
  CheckView,
  ConnectResult,
  FaceChoice,
  SpaceCertificateResult,
  GeneralOptionView,
  IntegrationCard,
  PendingWriteResult,
  ServerChoices,
  SetupProgress,
  VerifyStatus,
} from '../../contract/setup-shapes';
import type { RegionView, SignInView } from '../../contract/sign-in-channels';
import type { StepId } from '../../contract/steps';
import type { Xs4Api } from '../../contract/ipc';
import type { DeviceCodeEvent, LogLineEvent, PendingEvent, ProgressEvent } from '../../renderer/bridge/xs4';

/** The part of window.xs4 the setup wizard and Troubleshoot view use. */
type SetupApi = Pick<Xs4Api, 'setup' | 'signIn' | 'clipboard' | 'history' | 'troubleshoot' | 'dialog' | 'on'>;

export const SECRET_SHIP_KEY = 'Zq7Rw2Kp9Lm4Xv8Tn3Bc6Hd1Jf5Gs0Ya';
export const SECRET_AUTH_KEY = 'auth-secret-value-0123456789';

export interface Call {
  method: string;
  input: unknown;
}

type Listener = (payload: unknown) => void;

export interface FakeOptions {
  progress?: SetupProgress;
  connect?: (url: string) => ConnectResult;
  checks?: CheckView[];
  /** The account's sites and servers (default: one site with one server). */
  choices?: ServerChoices;
  regions?: RegionView[];
  signedIn?: SignInView | null;
  spaceCertificate?: () => SpaceCertificateResult;
  /** What the system file dialogs answer, in order (a path, or null for Cancel). */
  dialogAnswers?: Array<string | null>;
  /** Folders that do not exist: writing into them without createFolder is PATH_FOLDER_MISSING, as in the core. */
  missingFolders?: string[];
}

export const REGIONS: RegionView[] = [
  { id: 'eu', name: 'Europe', usable: false },
  { id: 'local', name: 'Local test region', usable: true },
];

export const WHO: SignInView = {
  regionId: 'local',
  regionName: 'Local test region',
  origin: 'https://xs4face.test',
  username: 'technician@contoso.example',
  signedInAt: '2026-11-29T20:00:00.000Z',
};

/** Two sites, three servers (one offline with a pending message), none chosen: the picker asks. */
export const TWO_SITES: ServerChoices = {
  sites: [
    {
      id: 'site-1',
      name: 'Main building',
      servers: [
        {
          siteId: 'site-1',
          serverId: 'face-1',
          siteName: 'Main building',
          serverName: 'Reception server',
          online: true,
          pendingMessages: 0,
        },
        {
          siteId: 'site-1',
          serverId: 'face-2',
          siteName: 'Main building',
          serverName: 'Warehouse server',
          online: false,
          pendingMessages: 2,
        },
      ],
    },
    {
      id: 'site-2',
      name: 'Car park',
      servers: [
        {
          siteId: 'site-2',
          serverId: 'face-3',
          siteName: 'Car park',
          serverName: 'Gate server',
          online: true,
          pendingMessages: null,
        },
      ],
    },
  ],
  preselected: null,
  reason: 'several-servers',
};

export const CERT = {
  subject: 'CN=xs4face.test',
  issuer: 'CN=xs4face.test',
  subjectAltNames: ['DNS:xs4face.test'],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  fingerprint256: 'AB'.repeat(32),
  selfSigned: true,
  serialNumber: '01',
};

export const SPACE_CERT = {
  ...CERT,
  subject: 'CN=space01.site.local',
  issuer: 'CN=space01.site.local',
  subjectAltNames: ['DNS:space01.site.local'],
  fingerprint256: 'CD'.repeat(32),
};

export function check(id: string, status: CheckView['status'], extra: Partial<CheckView> = {}): CheckView {
  return {
    id,
    title: `Check ${id}`,
    status,
    summary: `${id} is ${status}`,
    durationMs: 3,
    fix: null,
    undoAvailable: false,
    ...extra,
  };
}

export class FakeXs4 {
  readonly calls: Call[] = [];
  progress: SetupProgress;
  shipKeySet = false;
  cards: IntegrationCard[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Resolvers of long operations the test completes by hand. */
  readonly pending = new Map<string, (v: unknown) => void>();
  /** Their rejecters, to end one with an Xs4Error. */
  readonly failing = new Map<string, (e: unknown) => void>();
  cancelled: string[] = [];
  signedIn: SignInView | null;
  choice: FaceChoice | null = null;
  /** What "Keep waiting" answers (default: the integrations written). */
  keepWaitingResult: PendingWriteResult | null = null;
  /** What the Verify step finds on arrival (nothing by default). */
  verifyStatus: VerifyStatus = { running: null, last: null };

  constructor(private readonly options: FakeOptions = {}) {
    this.progress = options.progress ?? { current: 'welcome', done: {} };
    this.signedIn = options.signedIn ?? null;
  }

  emit(event: 'progress', payload: ProgressEvent): void;
  emit(event: 'logLine', payload: LogLineEvent): void;
  emit(event: 'pending', payload: PendingEvent): void;
  emit(event: 'deviceCode', payload: DeviceCodeEvent): void;
  emit(event: string, payload: unknown): void {
    for (const l of this.listeners.get(event) ?? []) l(payload);
  }

  private record<T>(method: string, input: unknown, value: T | (() => T)): Promise<T> {
    this.calls.push({ method, input });
    try {
      return Promise.resolve(typeof value === 'function' ? (value as () => T)() : value);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** Returns a promise the test settles through `pending`, so progress can be observed mid-flight. */
  private manual<T>(method: string, input: { operationId: string }): Promise<T> {
    this.calls.push({ method, input });
    return new Promise<T>((resolve, reject) => {
      this.pending.set(input.operationId, resolve as (v: unknown) => void);
      this.failing.set(input.operationId, reject);
    });
  }

  /** The core's answer for a path inside a folder that does not exist, unless the technician agreed to create it. */
  private folderCheck(path: string, createFolder: boolean | undefined): void {
    const folder = (this.options.missingFolders ?? []).find((f) => path === f || path.startsWith(`${f}\\`));
    if (folder === undefined || createFolder === true) return;
    throw {
      name: 'Xs4Error',
      code: 'PATH_FOLDER_MISSING',
      message: `The folder ${folder} does not exist.`,
      remedy: 'Choose an existing folder with Browse, or agree to create this one.',
      detail: { folder },
    };
  }

  callsOf(method: string): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }

  api(): SetupApi {
    const generalOptions: GeneralOptionView[] = [
      { label: 'Server URL', value: 'https://xs4face.test', secret: false },
      { label: 'Authentication (API key)', value: null, secret: true },
    ];
    const setup: SetupApi['setup'] = {
      progress: () => this.record('progress', undefined, () => this.progress),
      markStep: (input) =>
        this.record('markStep', input, () => {
          const done = { ...this.progress.done };
          if (input.summary !== null)
            done[input.step] = { at: '2026-11-29T20:00:00.000Z', summary: input.summary };
          this.progress = { current: input.next as StepId, done };
          return this.progress;
        }),
      resetProgress: () =>
        this.record('resetProgress', undefined, () => (this.progress = { current: 'welcome', done: {} })),
      connectFace: (input) =>
        this.record(
          'connectFace',
          input,
          () =>
            this.options.connect?.(input.url) ?? {
              state: 'connected' as const,
              url: input.url,
              certificate: null,
              trustedBy: 'system' as const,
            },
        ),
      trustFaceCertificate: (input) =>
        this.record('trustFaceCertificate', input, {
          state: 'connected' as const,
          url: input.url,
          certificate: CERT,
          trustedBy: 'pin' as const,
        }),
      connectDraft: () => this.record('connectDraft', undefined, null),
      refuseFaceCertificate: () => this.record('refuseFaceCertificate', undefined, null),
      listIntegrations: () => this.record('listIntegrations', undefined, () => this.cards),
      addIntegrations: (input) =>
        this.record('addIntegrations', input, () => {
          this.cards = [
            ...this.cards,
            ...input.kinds.map((k) => ({
              id: `id-${k}`,
              kind: k,
              name: 'Salto Space',
              status: 'unconfigured' as const,
              lastError: null,
              lastCheckedAt: null,
              added: true,
            })),
          ];
          return this.cards;
        }),
      detectSpace: () =>
        this.record('detectSpace', undefined, {
          available: true,
          reason: null,
          fqdn: 'space01.site.local',
          ipv4: ['10.0.0.5'],
          port: 8100,
          https: true,
          serviceRunning: true,
          version: '6.5.0.1',
        }),
      getSpaceDetails: () => this.record('getSpaceDetails', undefined, null),
      saveSpaceDetails: (input) => this.record('saveSpaceDetails', input, input),
      spaceCertificate: () =>
        this.record(
          'spaceCertificate',
          undefined,
          () =>
            this.options.spaceCertificate?.() ?? {
              state: 'trusted' as const,
              url: 'https://space01.site.local:8100/',
              certificate: SPACE_CERT,
              trustedBy: 'system' as const,
            },
        ),
      trustSpaceCertificate: (input) =>
        this.record('trustSpaceCertificate', input, {
          state: 'trusted' as const,
          url: 'https://space01.site.local:8100/',
          certificate: { ...SPACE_CERT, fingerprint256: input.fingerprint256 },
          trustedBy: 'pin' as const,
        }),
      shipKey: () =>
        this.record('shipKey', undefined, () => ({
          set: this.shipKeySet,
          fingerprint: this.shipKeySet ? '3fa4c2d1' : null,
        })),
      setShipKey: (input) =>
        this.record('setShipKey', input, () => {
          this.shipKeySet = true;
          return { set: true, fingerprint: '3fa4c2d1' };
        }),
      revealShipKey: (input) => this.record('revealShipKey', input, SECRET_SHIP_KEY),
      resetAuthKey: (input) => this.record('resetAuthKey', input, generalOptions),
      loadInstallScript: (input) =>
        this.record('loadInstallScript', input, {
          source: 'face' as const,
          path: 'C:\\ProgramData\\xs4\\SpaceInstall.ps1',
          sizeBytes: 2048,
          sha256: 'c'.repeat(64),
          signature: { status: 'NotSigned', signer: null, reason: 'The file is not digitally signed.' },
        }),
      runInstallScript: (input) => this.manual('runInstallScript', input),
      runChecks: (input) => this.record('runChecks', input, this.options.checks ?? []),
      collectBundle: (input) =>
        this.record('collectBundle', input, () => {
          this.folderCheck(input.path, input.createFolder);
          return { path: `/abs/${input.path}`, checks: this.options.checks ?? [] };
        }),
      applyFix: (input) =>
        this.record('applyFix', input, check(input.checkId, 'pass', { undoAvailable: true })),
      undoFix: (input) => this.record('undoFix', input, check(input.checkId, 'fail')),
      generalOptions: () => this.record('generalOptions', undefined, generalOptions),
      revealGeneralOption: (input) => this.record('revealGeneralOption', input, SECRET_AUTH_KEY),
      getEnrollment: () => this.record('getEnrollment', undefined, null),
      saveEnrollment: (input) =>
        this.record('saveEnrollment', input, {
          saved: true as const,
          enrollment: { companyName: input.companyName, privacyPolicyUrl: input.privacyPolicyUrl },
          checks: this.options.checks ?? [],
        }),
      verify: (input) => this.manual('verify', input),
      faceServerChoices: () =>
        this.record('faceServerChoices', undefined, () => {
          const c = this.options.choices;
          if (c === undefined) return { sites: [], preselected: null, reason: 'no-servers' as const };
          return this.choice === null
            ? c
            : {
                ...c,
                preselected: { siteId: this.choice.siteId, serverId: this.choice.serverId },
                reason: 'remembered' as const,
              };
        }),
      chooseFaceServer: (input) =>
        this.record('chooseFaceServer', input, () => {
          const server = this.options.choices?.sites
            .flatMap((s) => s.servers)
            .find((v) => v.siteId === input.siteId && v.serverId === input.serverId);
          if (server === undefined)
            throw { name: 'Xs4Error', code: 'FACE_SERVER_UNKNOWN', message: 'Unknown.', remedy: '' };
          this.choice = {
            url: 'https://xs4face.test',
            siteId: server.siteId,
            serverId: server.serverId,
            siteName: server.siteName,
            serverName: server.serverName,
          };
          return server;
        }),
      faceChoice: () => this.record('faceChoice', undefined, () => this.choice),
      keepWaiting: (input) =>
        this.record(
          'keepWaiting',
          input,
          () => this.keepWaitingResult ?? { write: 'integrations' as const, cards: this.cards },
        ),
      checkWrite: (input) =>
        this.record(
          'checkWrite',
          input,
          () => this.keepWaitingResult ?? { write: 'integrations' as const, cards: this.cards },
        ),
      verifyStatus: () => this.record('verifyStatus', undefined, () => this.verifyStatus),
      followVerify: (input) => this.manual('followVerify', input),
      cancel: (input) =>
        this.record('cancel', input, () => {
          this.cancelled.push(input.operationId);
          return this.pending.has(input.operationId);
        }),
    };
    const signIn: SetupApi['signIn'] = {
      regions: () => this.record('regions', undefined, this.options.regions ?? REGIONS),
      current: () => this.record('current', undefined, () => this.signedIn),
      interactive: (input) =>
        this.manual<SignInView>('interactive', input).then((who) => (this.signedIn = who)),
      deviceCode: (input) =>
        this.manual<SignInView>('deviceCode', input).then((who) => (this.signedIn = who)),
      signOut: () =>
        this.record('signOut', undefined, () => {
          const was = this.signedIn !== null;
          this.signedIn = null;
          return was;
        }),
    };
    return {
      setup,
      signIn,
      clipboard: {
        copySecret: (input) => this.record('copySecret', input, null),
        copyText: (input) => this.record('copyText', input, null),
      },
      troubleshoot: {
        openBundle: (input) =>
          this.record('openBundle', input, {
            path: input.path,
            checks: [check('power.sleep', 'fail', { remedy: 'Set sleep to Never on that server.' })],
            machineName: 'SPACE-SRV-12',
            platform: 'win32',
            collectedAt: '2026-11-28T09:30:00.000Z',
            notes: [],
          }),
        exportReport: (input) =>
          this.record('exportReport', input, () => {
            this.folderCheck(input.path, input.createFolder);
            return { path: input.path, counts: { pass: 0, warn: 0, fail: 1, skip: 0 } };
          }),
      },
      dialog: {
        choosePath: (input) =>
          this.record('choosePath', input, () => this.options.dialogAnswers?.shift() ?? null),
      },
      history: {
        list: () =>
          this.record('historyList', undefined, [
            {
              time: '2026-11-29T20:05:00.000Z',
              kind: 'face-write',
              target: 'face:integration.space.details',
              targetName: { key: 'history.target.spaceDetails' },
              summary: 'Space Server Details written and read back.',
              result: { key: 'history.result.ok' },
            },
            {
              time: '2026-11-29T20:09:00.000Z',
              kind: 'fix',
              target: 'power.sleep',
              targetName: { key: 'history.target.powerSleep' },
              summary: 'Sleep after set to Never (was 30 minutes).',
              result: { key: 'history.result.ok' },
            },
          ]),
      },
      on: (event, listener) => {
        const set = this.listeners.get(event) ?? new Set<Listener>();
        set.add(listener as Listener);
        this.listeners.set(event, set);
        return () => set.delete(listener as Listener);
      },
    };
  }
}

/** Installs a fake as window.xs4 and returns it. */
export function installFake(options?: FakeOptions): FakeXs4 {
  const fake = new FakeXs4(options);
  (window as unknown as { xs4: SetupApi }).xs4 = fake.api();
  return fake;
}

/** The window.xs4 installed by the last installFake, to override one method in a test. */
export function currentApi(): SetupApi {
  return (window as unknown as { xs4: SetupApi }).xs4;
}
