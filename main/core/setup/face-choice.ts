// The chosen XS4 Face site and server, kept in setup-state.json (non-secret) for every later step and for reports.
import { AppError } from '../errors';
import { FaceCodes } from '../face/face-errors';
import { choiceLabel, type ServerChoice, type ServerChoices } from '../face/server-choices';
import type { SetupStateFile } from './setup-state';

/**
 * Picks the server asked for (by id or by name, as the Console shows it), or the preselected one, and remembers it.
 * Several servers and none asked for is FACE_SERVER_NOT_SELECTED, listing each with its state.
 */
export async function chooseFaceServer(
  state: SetupStateFile,
  choices: ServerChoices,
  wanted: { site?: string | undefined; server?: string | undefined } = {},
): Promise<ServerChoice> {
  const all = choices.sites.flatMap((s) => s.servers);
  const match = (id: string, name: string, w: string | undefined): boolean =>
    w === undefined || w === id || w.toLowerCase() === name.toLowerCase();
  let hit: ServerChoice | undefined;
  if (wanted.site !== undefined || wanted.server !== undefined) {
    const found = all.filter(
      (c) => match(c.siteId, c.siteName, wanted.site) && match(c.serverId, c.serverName, wanted.server),
    );
    if (found.length === 1) hit = found[0];
    else throw notSelected(all, wanted, found.length > 1);
  } else if (choices.preselected) {
    const p = choices.preselected;
    hit = all.find((c) => c.siteId === p.siteId && c.serverId === p.serverId);
  }
  if (!hit) throw notSelected(all, wanted, false);
  const chosen = hit;
  await state.update(
    (s) =>
      void (s.face = {
        siteId: chosen.siteId,
        serverId: chosen.serverId,
        siteName: chosen.siteName,
        serverName: chosen.serverName,
      }),
  );
  return chosen;
}

/** "Main building › Reception server (online, 2 pending messages)". */
export function describeChoice(c: ServerChoice): string {
  const pending =
    c.pendingMessages === null
      ? ''
      : `, ${c.pendingMessages} pending message${c.pendingMessages === 1 ? '' : 's'}`;
  return `${choiceLabel(c)} (${c.online ? 'online' : 'offline'}${pending})`;
}

function notSelected(
  all: ServerChoice[],
  wanted: { site?: string | undefined; server?: string | undefined },
  ambiguous: boolean,
): AppError {
  const listed = all
    .slice(0, 20)
    .map((c) => `${describeChoice(c)} [--face-site ${c.siteId} --face-server ${c.serverId}]`);
  const asked = wanted.site !== undefined || wanted.server !== undefined;
  return new AppError(
    FaceCodes.SERVER_NOT_SELECTED,
    asked
      ? ambiguous
        ? `More than one XS4 Face server matches site "${wanted.site ?? '*'}", server "${wanted.server ?? '*'}".`
        : `This account has no XS4 Face server matching site "${wanted.site ?? '*'}", server "${wanted.server ?? '*'}".`
      : all.length === 0
        ? 'This account has no XS4 Face server.'
        : `This account manages ${all.length} XS4 Face servers; choose one.`,
    all.length > 0
      ? `Choose one of: ${listed.join('; ')}.`
      : 'Ask the site owner to give this account access to the site in the XS4 Face Console.',
    {
      choices: all
        .slice(0, 100)
        .map((c) => ({ siteId: c.siteId, serverId: c.serverId, label: choiceLabel(c) })),
    },
  );
}
