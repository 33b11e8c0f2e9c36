// Step "Integrations": the XS4 Face Console's integration cards, and adding the Salto Space integration.
import { invalidInput } from '../../errors';
import type { IntegrationCard } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
import { faceSession, type SetupContext } from '../context';

export function integrationSteps(
  ctx: SetupContext,
): Pick<SetupService, 'listIntegrations' | 'addIntegrations'> {
  async function listIntegrations(): Promise<IntegrationCard[]> {
    const { client, target } = await faceSession(ctx);
    const list = await client.listIntegrations(target);
    const cards: IntegrationCard[] = list.integrations.map((i) => ({
      id: i.type,
      kind: i.type,
      name: i.name,
      status: i.status,
      lastError: i.lastError,
      lastCheckedAt: i.lastCheckedAt,
      added: true,
    }));
    // Integrations that can still be added appear as "No status" cards, as in the Add Integration dialog.
    for (const type of list.available)
      cards.push({
        id: type,
        kind: type,
        name: type,
        status: 'unconfigured',
        lastError: null,
        lastCheckedAt: null,
        added: false,
      });
    return cards;
  }

  return {
    listIntegrations,
    async addIntegrations(kinds) {
      if (kinds.length === 0) throw invalidInput('kinds', 'must name at least one integration');
      const { client, target } = await faceSession(ctx);
      // The client reads the list back and refuses a write the server did not apply.
      await client.addIntegrations(target, kinds);
      await ctx.record({
        kind: 'face-write',
        target: 'face:integrations',
        after: { added: kinds },
        result: { ok: true, summary: `Added integration(s): ${kinds.join(', ')}` },
      });
      return listIntegrations();
    },
  };
}
