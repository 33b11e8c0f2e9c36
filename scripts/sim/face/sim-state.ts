// The XS4 Face simulator's state: what a real server would hold, kept in memory or in a JSON file (zod-checked on load).
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { z } from 'zod';

const ServerStateSchema = z.object({
  /** Integration types added with the Add Integration dialog. */
  integrations: z.array(z.string()),
  space: z.object({
    host: z.string(),
    port: z.number().int(),
    https: z.boolean(),
    shipApiKey: z.string().nullable(),
  }),
  /** The Authentication (API key) shown in Space General Options. */
  authKey: z.string(),
  enrollment: z.object({ companyName: z.string(), privacyPolicyUrl: z.string() }),
  installScript: z.object({ fileName: z.string(), content: z.string() }),
});
export type SimServerState = z.infer<typeof ServerStateSchema>;

export const SimStateSchema = z.object({
  user: z.string(),
  sites: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      servers: z.array(z.object({ id: z.string(), name: z.string(), online: z.boolean() })),
    }),
  ),
  /** Keyed by "siteId/serverId". */
  servers: z.record(z.string(), ServerStateSchema),
});
export type SimState = z.infer<typeof SimStateSchema>;

export const DEFAULT_SITE = 'site-1';
export const DEFAULT_SERVER = 'face-1';

export function newAuthKey(): string {
  return randomBytes(24).toString('base64url');
}

function firstRunServer(): SimServerState {
  return {
    integrations: [],
    space: { host: '', port: 8100, https: true, shipApiKey: null },
    authKey: newAuthKey(),
    enrollment: { companyName: '', privacyPolicyUrl: '' },
    installScript: {
      fileName: 'Install-SpaceFaceIntegration.ps1',
      content:
        '# Simulated Space Install Script (XS4 Face simulator)\r\nWrite-Output "Space install script ran"\r\nexit 0\r\n',
    },
  };
}

/**
 * An account with two sites and three servers, as the Console lists them (`--two-sites`): one server is offline,
 * so a write to it stays pending until it comes back.
 */
export function twoSitesState(): SimState {
  return {
    user: 'technician@example.com',
    sites: [
      {
        id: DEFAULT_SITE,
        name: 'Main building',
        servers: [
          { id: DEFAULT_SERVER, name: 'Reception server', online: true },
          { id: 'face-2', name: 'Warehouse server', online: false },
        ],
      },
      { id: 'site-2', name: 'Car park', servers: [{ id: 'face-3', name: 'Gate server', online: true }] },
    ],
    servers: {
      [`${DEFAULT_SITE}/${DEFAULT_SERVER}`]: firstRunServer(),
      [`${DEFAULT_SITE}/face-2`]: firstRunServer(),
      ['site-2/face-3']: firstRunServer(),
    },
  };
}

/** A first-run server: Space not added yet, enrollment empty, a small install script. */
export function defaultState(): SimState {
  return {
    user: 'technician@example.com',
    sites: [
      {
        id: DEFAULT_SITE,
        name: 'Main building',
        servers: [{ id: DEFAULT_SERVER, name: 'XS4 Face server', online: true }],
      },
    ],
    servers: {
      [`${DEFAULT_SITE}/${DEFAULT_SERVER}`]: {
        integrations: [],
        space: { host: '', port: 8100, https: true, shipApiKey: null },
        authKey: newAuthKey(),
        enrollment: { companyName: '', privacyPolicyUrl: '' },
        installScript: {
          fileName: 'Install-SpaceFaceIntegration.ps1',
          content:
            '# Simulated Space Install Script (XS4 Face simulator)\r\nWrite-Output "Space install script ran"\r\nexit 0\r\n',
        },
      },
    },
  };
}

export function loadState(file: string | undefined): SimState {
  if (!file || !existsSync(file)) return defaultState();
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const r = SimStateSchema.safeParse(raw);
  if (!r.success)
    throw new Error(
      `${file}: not a simulator state file (${r.error.issues[0]?.path.join('.') ?? ''}: ${r.error.issues[0]?.message ?? ''})`,
    );
  return r.data;
}

/** Atomic write, so a crash never leaves half a file. */
export function saveState(file: string | undefined, state: SimState): void {
  if (!file) return;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
}
