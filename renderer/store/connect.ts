// The Connect step's slice: Microsoft sign-in per region (system browser or a code on another device), the connection
// attempt and its certificate, and the Console's site › server choice that every later step shows. An attempt that
// fails leaves the saved connection as it was (the core keeps it); the page says so and offers to keep it.
import type { StateCreator } from 'zustand';
import type { ConnectResult, FaceChoice, ServerChoices } from '../../contract/setup-shapes';
import type { BrowserPageWords, RegionView, SignInView } from '../../contract/sign-in-channels';
import { toCallError, type CallError } from '../bridge/errors';
import { xs4 } from '../bridge/xs4';
import { activity } from './activity';
import { validateFaceUrl } from './validation';
import type { SetupStore } from './setup';

/** A certificate waiting for the technician's decision. */
export type PendingTrust = Extract<ConnectResult, { state: 'needs-trust' }>;

/** Why the step needs a new connection before Continue: an attempt failed (the working one is kept), or signed out. */
export type Reconnect = 'failed' | 'signedOut';

export interface ConnectState {
  /** The connection this attempt made; cleared when a new attempt starts, so success never shows above a failure. */
  connection: Extract<ConnectResult, { state: 'connected' }> | null;
  pendingTrust: PendingTrust | null;
  /** Set until a connection works again; the saved (working) connection is untouched by a failed attempt. */
  reconnect: Reconnect | null;
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
  /** Regions, who is signed in, the server chosen earlier, and a certificate question left open (before a reload). */
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
  reconnect: null,
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

  /** What an attempt answered, shown at once: connected, a certificate question, or a token for another server. */
  function show(result: ConnectResult): void {
    if (result.state === 'connected') set({ connection: result, pendingTrust: null, reconnect: null });
    else if (result.state === 'needs-trust') set({ pendingTrust: result, connection: null });
    else
      // The stored token was entered for another server: it is not sent here; this server's token is asked for.
      set({
        connection: null,
        pendingTrust: null,
        reconnect: 'failed',
        fieldErrors: [{ field: 'token', rule: 'tokenForOtherServer', values: { server: result.tokenFor } }],
      });
  }

  /**
   * One attempt as one busy action, so the dialog closes and the outcome appears together: its answer, then (connected,
   * or several servers and none chosen) the picker. A failure closes the certificate dialog and shows the real error.
   */
  async function connectWith(run: () => Promise<ConnectResult>, busy: 'connect' | 'trust'): Promise<void> {
    await act(
      busy,
      async () => {
        let notChosen = false;
        try {
          show(await run());
        } catch (e) {
          if (!chooseFirst(toCallError(e))) throw e;
          notChosen = true;
          set({ pendingTrust: null });
        }
        if (!notChosen && get().connection === null) return;
        const choices = await xs4().setup.faceServerChoices();
        set({ choices: notChosen || serverCount(choices) > 1 ? choices : null });
        await get().loadFaceChoice();
      },
      () => {
        set((s) => ({ pendingTrust: null, reconnect: s.connection === null ? 'failed' : s.reconnect }));
        return false;
      },
    );
  }

  return {
    ...initialConnect,

    async loadSignIn() {
      await act('loadSignIn', async () => {
        const [regions, signedIn, faceChoice, draft] = await Promise.all([
          xs4().signIn.regions(),
          xs4().signIn.current(),
          xs4().setup.faceChoice(),
          xs4().setup.connectDraft(),
        ]);
        // A certificate question still open (the page was reloaded while it was asked): asked again, same address.
        set({
          regions,
          signedIn,
          faceChoice,
          signInLoaded: true,
          ...(draft !== null ? { pendingTrust: draft, faceUrl: draft.url } : {}),
        });
      });
    },

    async signIn(regionId, url, pages) {
      if (!validated([validateFaceUrl('url', url)])) return;
      const who = await operate('signIn', 'signIn', (operationId) =>
        xs4().signIn.interactive({ operationId, regionId, faceUrl: url.trim(), pages }),
      );
      if (who === undefined) return;
      set({ signedIn: who });
      await get().connect(url, '');
    },

    async signInWithCode(regionId, url) {
      if (!validated([validateFaceUrl('url', url)])) return;
      const who = await operate('deviceCode', 'deviceCode', (operationId) =>
        xs4().signIn.deviceCode({ operationId, regionId, faceUrl: url.trim() }),
      );
      if (who === undefined) return;
      set({ signedIn: who });
      await get().connect(url, '');
    },

    async signOut() {
      const was = await act('signOut', () => xs4().signIn.signOut());
      // A connection made with the sign-in no longer works: nothing on screen may still say "Connected".
      if (was !== undefined) set({ signedIn: null, connection: null, choices: null, reconnect: 'signedOut' });
    },

    async connect(url, token) {
      if (!validated([validateFaceUrl('url', url)])) return;
      // A new attempt: what the last one showed (success included) goes, so it never stands beside this one's answer.
      set({ faceUrl: url.trim(), choices: null, connection: null, pendingTrust: null });
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
      set({
        pendingTrust: null,
        connection: null,
        reconnect: 'failed',
        error: { code: 'CERT_REFUSED', message: '', remedy: '' },
      });
      // The core drops the attempt it kept for the question; nothing else to tell (the page already says why).
      void xs4()
        .setup.refuseFaceCertificate()
        .catch(() => undefined);
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
