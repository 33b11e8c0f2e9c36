// Step "Integrations": the XS4 Face Console's integration cards, and adding the Salto Space integration.
import { text } from '../../../../contract/text';
import { listOf } from '../../../../messages/joins';
import { invalidInput } from '../../errors';
import type { IntegrationCard } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
import { faceSession, type SetupContext } from '../context';
import { unsentIfCancelled } from '../pending-writes';
import { sendWrite } from '../write-step';

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
    async addIntegrations(kinds, hooks = {}) {
      return unsentIfCancelled(async () => {
        if (kinds.length === 0) throw invalidInput('kinds', text('rules.atLeastOneIntegration'));
        const { target } = await faceSession(ctx, hooks);
        return sendWrite<IntegrationCard[]>(ctx, hooks, {
          // Sends the write (or, resuming, waits for it); the client reads the list back and refuses what was not applied.
          async write(face, resume) {
            await face.addIntegrations(target, kinds, resume);
            // The history names each integration as XS4 Face does ("Salto Space"); its kind id when the list
            // cannot be read now (the write itself was read back, so it is recorded either way).
            const cards = await listIntegrations().catch(() => null);
            const names = kinds.map((k) => cards?.find((c) => c.kind === k)?.name.trim() || k);
            await ctx.record({
              kind: 'face-write',
              target: 'face:integrations',
              after: { added: kinds },
              result: {
                ok: true,
                summary: text('setup.history.integrationsAdded', {
                  count: kinds.length,
                  kinds: listOf(names),
                }),
              },
            });
            return cards ?? listIntegrations();
          },
          finished: (cards) => ({ write: 'integrations', cards }),
        });
      });
    },
  };
}
