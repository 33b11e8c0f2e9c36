// The app:// protocol in Electron: registered as a privileged scheme before ready, then served from dist/renderer.
import { protocol, type Session } from 'electron';
import { APP_SCHEME, serveAppRequest } from './protocol-serve';

/** Must run before `app` is ready: makes app:// a standard, secure origin (like https) for the page. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function registerAppProtocol(session: Session, root: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, root));
}
