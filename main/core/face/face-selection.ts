// Site → server selection, as in the Console: the server asked for, or the only one the account has.
import { AppError } from '../errors';
import type { FaceSite } from './face-contract';
import { FaceCodes } from './face-errors';

/** Which on-site server a call is about: the Console's site → server selection. */
export interface FaceTarget {
  siteId: string;
  serverId: string;
}

/** Picks the server to work on: the one asked for (which must exist), or the only one the account has. */
export function selectServer(sites: FaceSite[], wanted?: Partial<FaceTarget>): FaceTarget {
  const all = sites.flatMap((s) =>
    s.servers.map((v) => ({ siteId: s.id, serverId: v.id, label: `${s.name} › ${v.name}` })),
  );
  if (wanted?.siteId && wanted.serverId) {
    const hit = all.find((a) => a.siteId === wanted.siteId && a.serverId === wanted.serverId);
    if (hit) return { siteId: hit.siteId, serverId: hit.serverId };
  } else if (all.length === 1) {
    return { siteId: all[0]!.siteId, serverId: all[0]!.serverId };
  }
  return failSelection(
    all.map((a) => a.label),
    wanted,
  );
}

function failSelection(choices: string[], wanted?: Partial<FaceTarget>): never {
  const detail = { choices: choices.slice(0, 100) };
  const listed = choices.slice(0, 20).join('; ');
  const variant = wanted?.siteId
    ? choices.length > 0
      ? 'unknown'
      : 'unknownNone'
    : choices.length > 0
      ? 'several'
      : 'none';
  throw new AppError(FaceCodes.SERVER_NOT_SELECTED, {
    variant,
    params: {
      site: wanted?.siteId ?? '',
      server: wanted?.serverId ?? '?',
      count: choices.length,
      choices: listed,
    },
    detail,
  });
}
