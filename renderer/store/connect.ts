// The Connect step's slice: Microsoft sign-in per region (system browser or a code on another device), the connection
// and its certificate, and the Console's site › server choice that every later step shows.
import type { StateCreator } from 'zustand';
import type { ConnectResult, FaceChoice, ServerChoices } from '../../contract/setup-shapes';
import type { BrowserPageWords, RegionView, SignInView } from '../../contract/sign-in-channels';
import type { CallError } from '../bridge/errors';
import { xs4 } from '../bridge/xs4';
import { activity } from './activity';
import { validateUrl } from './validation';
import type { SetupStore } from './setup';

/** A certificate waiting for the technician's decision. */
export type PendingTrust = Extract<ConnectResult, { state: 'needs-trust' }>;

export interface ConnectState {
  connection: Extract<ConnectResult, { state: 'connected' }> | null;
  pendingTrust: PendingTrust | null;
  /** The address the technician connects to (kept for the server choice and the sign-in). */
  faceUrl: string;
  regions: RegionView[];
  /** Who is signed in with Microsoft on this computer, for which region and XS4 Face server. */
  signedIn: SignInView | null;
  signInLoaded: boolean;
  /** The account's sites and servers, shown as the picker when it has several (or none is chosen yet). */
  choices: ServerChoices | null;
  /** The XS4 Face server the later steps work on. */
  faceChoice: FaceChoice | null;
}

export interface ConnectActions {
  /** Regions, who is signed in, and the server chosen earlier. */
  loadSignIn(): Promise<void>;
  /** Signs in through the system browser, then connects. */
  signIn(regionId: string, url: string, pages: BrowserPageWords): Promise<void>;
  /** Signs in with a code entered on another device, then connects. */
  signInWithCode(regionId: string, url: string): Promise<void>;
  signOut(): Promise<void>;
  /** Connects with the sign-in (token empty) or a token obtained elsewhere. */
  connect(url: string, token: string): Promise<void>;
  trustCertificate(): Promise<void>;
  refuseCertificate(): void;
  /** Chooses the server every later step works on, then connects to it. */
  chooseServer(siteId: string, serverId: string): Promise<void>;
  loadFaceChoice(): Promise<void>;
}

export const initialConnect: ConnectState = {
  connection: null,
  pendingTrust: null,
  faceUrl: '',
  regions: [],
  signedIn: null,
  signInLoaded: false,
  choices: null,
  faceChoice: null,
};

/** Several servers and none chosen: not a failure, the picker asks. */
const chooseFirst = (e: CallError): boolean => e.code === 'FACE_SERVER_NOT_SELECTED';

function serverCount(c: ServerChoices): number {
  return c.sites.reduce((n, s) => n + s.servers.length, 0);
}

export const createConnectSlice: StateCreator<SetupStore, [], [], ConnectState & ConnectActions> = (
  set,
  get,
) => {
  const { act, validated, operate } = activity(set, get);

  /** After a connect (or its refusal for want of a choice): the picker when there is something to choose. */
  async function afterConnect(result: ConnectResult | undefined, notChosen: boolean): Promise<void> {
    if (result !== undefined) {
      if (result.state === 'connected') set({ connection: result, pendingTrust: null });
      else if (result.state === 'needs-trust') {
        set({ pendingTrust: result, connection: null });
        return;
      } else {
        // The stored token was entered for another server: it is not sent here; this server's token is asked for.
        set({
          connection: null,
          pendingTrust: null,
          fieldErrors: [{ field: 'token', rule: 'tokenForOtherServer', values: { server: result.tokenFor } }],
        });
        return;
      }
    }
    if (result === undefined && !notChosen) return;
    // Trusted (or connected) but no server chosen yet: the certificate question is answered, the picker asks next.
    if (notChosen) set({ pendingTrust: null });
    const choices = await act('chooseServer', () => xs4().setup.faceServerChoices());
    if (choices !== undefined) set({ choices: notChosen || serverCount(choices) > 1 ? choices : null });
    await get().loadFaceChoice();
  }

  async function connectWith(run: () => Promise<ConnectResult>, busy: 'connect' | 'trust'): Promise<void> {
    let notChosen = false;
    const result = await act(busy, run, (e) => (notChosen = chooseFirst(e)));
    await afterConnect(result, notChosen);
  }

  return {
    ...initialConnect,

    async loadSignIn() {
      await act('loadSignIn', async () => {
        const [regions, signedIn, faceChoice] = await Promise.all([
          xs4().signIn.regions(),
          xs4().signIn.current(),
          xs4().setup.faceChoice(),
        ]);
        set({ regions, signedIn, faceChoice, signInLoaded: true });
      });
    },

    async signIn(regionId, url, pages) {
      if (!validated([validateUrl('url', url, true)])) return;
      const who = await operate('signIn', 'signIn', (operationId) =>
        xs4().signIn.interactive({ operationId, regionId, faceUrl: url.trim(), pages }),
      );
      if (who === undefined) return;
      set({ signedIn: who });
      await get().connect(url, '');
    },

    async signInWithCode(regionId, url) {
      if (!validated([validateUrl('url', url, true)])) return;
      const who = await operate('deviceCode', 'deviceCode', (operationId) =>
        xs4().signIn.deviceCode({ operationId, regionId, faceUrl: url.trim() }),
      );
      if (who === undefined) return;
      set({ signedIn: who });
      await get().connect(url, '');
    },

    async signOut() {
      const was = await act('signOut', () => xs4().signIn.signOut());
      if (was !== undefined) set({ signedIn: null });
    },

    async connect(url, token) {
      if (!validated([validateUrl('url', url, false)])) return;
      set({ faceUrl: url.trim(), choices: null });
      await connectWith(
        () => xs4().setup.connectFace({ url: url.trim(), token: token === '' ? null : token }),
        'connect',
      );
    },

    async trustCertificate() {
      const pending = get().pendingTrust;
      if (pending === null) return;
      await connectWith(
        () =>
          xs4().setup.trustFaceCertificate({
            url: pending.url,
            fingerprint256: pending.certificate.fingerprint256,
          }),
        'trust',
      );
    },

    refuseCertificate() {
      set({ pendingTrust: null, connection: null, error: { code: 'CERT_REFUSED', message: '', remedy: '' } });
    },

    async chooseServer(siteId, serverId) {
      const chosen = await act('chooseServer', () => xs4().setup.chooseFaceServer({ siteId, serverId }));
      if (chosen === undefined) return;
      // Connecting again settles on the chosen server; the picker comes back with it selected.
      await get().connect(get().faceUrl !== '' ? get().faceUrl : (get().faceChoice?.url ?? ''), '');
    },

    async loadFaceChoice() {
      try {
        set({ faceChoice: await xs4().setup.faceChoice() });
      } catch {
        /* kept: the header shows the choice last read */
      }
    },
  };
};
