// Handlers for the `signIn.*` channels: one line each onto the program's SignInService (main/core/auth). The browser and
// device-code sign-ins run as operations (operations.ts), so `setup.cancel` stops them and the device code reaches the
// page that asked as a `deviceCode` event.
import type {
  BrowserPageWords,
  SignInChannel,
  SignInInput,
  SignInOutput,
  SignInView,
} from '../../../contract/sign-in-channels';
import { isRightToLeft } from '../../../contract/languages';
import { browserPages, type BrowserPages } from '../auth/browser-pages';
import type { SignInService } from '../auth/sign-in-service';
import type { SignInBinding } from '../auth/sign-in-cache';
import { Operations, type OperationEvents } from './operations';

export type SignInHandlers = {
  [K in SignInChannel]: (input: SignInInput<K>, ctx: OperationEvents) => Promise<SignInOutput<K>>;
};

/** The page's words as the pages MSAL serves (escaped in browser-pages.ts). */
function pagesOf(w: BrowserPageWords): BrowserPages {
  return browserPages({
    lang: w.language,
    rtl: isRightToLeft(w.language),
    success: { title: w.successTitle, text: w.successText },
    error: { title: w.errorTitle, text: w.errorText },
  });
}

/** A binding with the region's name, as the page shows it. */
async function view(signIn: SignInService, b: SignInBinding): Promise<SignInView> {
  const region = (await signIn.regions()).find((r) => r.id === b.regionId);
  return { ...b, regionName: region?.name ?? b.regionId };
}

async function current(signIn: SignInService): Promise<SignInView | null> {
  const b = await signIn.current();
  return b === null ? null : view(signIn, b);
}

/** The system browser sign-in, as an operation `setup.cancel` can stop. */
function inBrowser(
  signIn: SignInService,
  ops: Operations,
  { operationId, regionId, faceUrl, pages }: SignInInput<'signIn.interactive'>,
  ctx: OperationEvents,
): Promise<SignInView> {
  return ops.run(operationId, 'signIn', ctx, async (h) => {
    const region = await signIn.forRegion(regionId);
    return view(signIn, await region.signInInteractive({ faceUrl, signal: h.signal, pages: pagesOf(pages) }));
  });
}

/** The device-code sign-in: the code goes to the page that asked as a `deviceCode` event. */
function withCode(
  signIn: SignInService,
  ops: Operations,
  { operationId, regionId, faceUrl }: SignInInput<'signIn.deviceCode'>,
  ctx: OperationEvents,
): Promise<SignInView> {
  return ops.run(operationId, 'deviceCode', ctx, async (h) => {
    const region = await signIn.forRegion(regionId);
    const binding = await region.signInWithDeviceCode({
      faceUrl,
      signal: h.signal,
      onPrompt: (p) =>
        ctx.emit('deviceCode', {
          operation: operationId,
          userCode: p.userCode,
          verificationUri: p.verificationUri,
          expiresAt: p.expiresAt.toISOString(),
        }),
    });
    return view(signIn, binding);
  });
}

export function signInHandlers(signIn: SignInService, ops: Operations): SignInHandlers {
  return {
    'signIn.regions': async () =>
      (await signIn.regions()).map((r) => ({ id: r.id, name: r.name, usable: r.usable })),
    'signIn.current': () => current(signIn),
    'signIn.interactive': (input, ctx) => inBrowser(signIn, ops, input, ctx),
    'signIn.deviceCode': (input, ctx) => withCode(signIn, ops, input, ctx),
    'signIn.signOut': () => signIn.signOut(),
  };
}
