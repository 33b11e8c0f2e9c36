// A stand-in PsHost: reads the generated query command like PowerShell would (which script, which base64 parameters) and answers with a scripted result.
import type { PsHost } from '../../main/core/windows/ps-session';

export interface StandInCall {
  script: string;
  params: Record<string, unknown>;
  command: string;
}

/** Which shipped script a command carries: its header comment names what it reads. */
const SCRIPT_MARKERS: Array<[string, string]> = [
  ['get-power', '# Read-only: raw powercfg text'],
  ['get-adapters', '# Read-only: physical network adapters'],
  ['get-space', '# Read-only: the Space service'],
  ['get-firewall', '# Read-only: firewall profiles'],
  ['get-file-signature', '# Read-only: SHA-256 and Authenticode'],
];

/** The script text inside a query command (it travels as a base64 literal). */
export function queryScriptText(command: string): string {
  const b64 = /FromBase64String\('([A-Za-z0-9+/=]*)'\)/.exec(command)?.[1] ?? '';
  return Buffer.from(b64, 'base64').toString('utf8');
}

export function decodeQueryCommand(command: string): StandInCall {
  const text = queryScriptText(command);
  const script = SCRIPT_MARKERS.find(([, m]) => text.includes(m))?.[0] ?? 'unknown';
  const b64 = / -EncodedParams '([A-Za-z0-9+/=]*)'\s*$/.exec(command)?.[1] ?? '';
  return {
    script,
    params: JSON.parse(Buffer.from(b64, 'base64').toString('utf8')) as Record<string, unknown>,
    command,
  };
}

export function jsonLine(value: unknown): string {
  return `WARNING: noise before the result\r\nXS4JSON:${Buffer.from(JSON.stringify(value), 'utf8').toString('base64')}\r\n`;
}

export interface StandInHostControl {
  factory: () => PsHost;
  calls: StandInCall[];
  created: number;
  disposed: number;
}

/** answer(call) returns stdout text, or a promise that never settles to simulate a hang. */
export function standInHost(answer: (call: StandInCall) => string | Promise<string>): StandInHostControl {
  const control: StandInHostControl = {
    calls: [],
    created: 0,
    disposed: 0,
    factory: () => {
      control.created++;
      return {
        async invoke(command) {
          const call = decodeQueryCommand(command);
          control.calls.push(call);
          return { stdout: await answer(call), stderr: '', hadErrors: false };
        },
        async dispose() {
          control.disposed++;
        },
      };
    },
  };
  return control;
}
