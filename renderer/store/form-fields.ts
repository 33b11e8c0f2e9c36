// Which field of the form an error the core raised is about. The core names a field by its channel input ("url",
// "path") or by its own name for the value ("faceUrl", "installScriptFile"); each action's form calls it by its own id.
import type { Busy } from './busy';

/** Per action: the core's name for a value → the id of the form field (TextField `field`) that holds it. */
const FORM_FIELDS: Partial<Record<Busy, Readonly<Record<string, string>>>> = {
  connect: { url: 'url', faceUrl: 'url', faceServerUrl: 'url', token: 'token', faceToken: 'token' },
  trust: { url: 'url', faceUrl: 'url' },
  signIn: { faceUrl: 'url', url: 'url' },
  deviceCode: { faceUrl: 'url', url: 'url' },
  saveDetails: { host: 'host', spaceHost: 'host', port: 'port', spacePort: 'port' },
  enterShipKey: { value: 'shipKey', shipKey: 'shipKey', shipApiKey: 'shipKey' },
  loadScript: { path: 'scriptPath', installScriptFile: 'scriptPath' },
  saveEnrollment: { companyName: 'companyName', privacyPolicyUrl: 'privacyPolicyUrl' },
  openBundle: { path: 'bundlePath' },
  collectBundle: { path: 'collectPath' },
  exportReport: { path: 'reportPath' },
};

/**
 * The form field of `action` that the core's `field` ("url", "profile.faceUrl") names, or null when the form has none
 * (the error is then shown as the step's failure). A dotted name is matched by its longest known tail.
 */
export function formFieldOf(action: Busy, field: string): string | null {
  const known = FORM_FIELDS[action];
  if (known === undefined) return null;
  const parts = field.split('.').filter((p) => p !== '');
  for (let i = 0; i < parts.length; i += 1) {
    const id = known[parts.slice(i).join('.')];
    if (id !== undefined) return id;
  }
  return null;
}
