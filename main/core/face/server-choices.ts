// The Console's site → server choice as data: every server with what the Console shows, and the one to preselect.
import type { FaceClient } from './face-client';
import type { FaceSite } from './face-contract';
import type { FaceTarget } from './face-selection';

/** One XS4 Face server as the Console lists it. */
export interface ServerChoice extends FaceTarget {
  siteName: string;
  serverName: string;
  online: boolean;
  /** Changes not yet received by the server; null when the server does not report it. */
  pendingMessages: number | null;
}

export interface ServerChoices {
  /** Sites in the server's order, each with its servers. */
  sites: Array<{ id: string; name: string; servers: ServerChoice[] }>;
  /** The choice made for the technician: the one remembered (if it still exists), else the only server; else null. */
  preselected: FaceTarget | null;
  /** Why nothing is preselected, for the picker's hint. */
  reason: 'remembered' | 'only-server' | 'several-servers' | 'no-servers'; // not for people
}

export function serverChoices(sites: FaceSite[], remembered?: FaceTarget | null): ServerChoices {
  const out = sites.map((s) => ({
    id: s.id,
    name: s.name,
    servers: s.servers.map((v) => ({
      siteId: s.id,
      siteName: s.name,
      serverId: v.id,
      serverName: v.name,
      online: v.online,
      pendingMessages: v.pendingMessages ?? null,
    })),
  }));
  const all = out.flatMap((s) => s.servers);
  const hit =
    remembered && all.find((a) => a.siteId === remembered.siteId && a.serverId === remembered.serverId);
  if (hit)
    return {
      sites: out,
      preselected: { siteId: hit.siteId, serverId: hit.serverId },
      reason: 'remembered', // not for people
    };
  if (all.length === 1)
    return {
      sites: out,
      preselected: { siteId: all[0]!.siteId, serverId: all[0]!.serverId },
      reason: 'only-server', // not for people
    };
  return { sites: out, preselected: null, reason: all.length === 0 ? 'no-servers' : 'several-servers' };
}

/** Reads the account's sites and servers now (online state and pending counts change). */
export async function listServerChoices(
  client: FaceClient,
  remembered?: FaceTarget | null,
): Promise<ServerChoices> {
  return serverChoices(await client.listSites(), remembered);
}

/** "Main building › Reception server" — how the CLI and reports name a choice. */
export function choiceLabel(c: Pick<ServerChoice, 'siteName' | 'serverName'>): string {
  return `${c.siteName} › ${c.serverName}`;
}
