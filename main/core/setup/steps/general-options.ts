// Step "Face recognition values": XS4 Face's Space General Options, secrets masked until revealed or copied.
import { text } from '../../../../contract/text';
import { invalidInput } from '../../errors';
import type { GeneralOptionView } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
import { faceSession, type SetupContext } from '../context';

/** The rows as the page may see them: a secret's value is left out (it is revealed or copied through its own channel). */
export function generalOptionViews(
  options: Array<{ label: string; value: string; secret: boolean }>,
): GeneralOptionView[] {
  return options.map((o) => ({ label: o.label, value: o.secret ? null : o.value, secret: o.secret }));
}

export function generalOptionSteps(
  ctx: SetupContext,
): Pick<SetupService, 'generalOptions' | 'revealGeneralOption'> {
  return {
    async generalOptions() {
      const { client, target } = await faceSession(ctx);
      return generalOptionViews(await client.getSpaceGeneralOptions(target));
    },
    async revealGeneralOption(label) {
      const { client, target } = await faceSession(ctx);
      const hit = (await client.getSpaceGeneralOptions(target)).find((o) => o.label === label);
      if (!hit) throw invalidInput('label', text('rules.setup.generalOption'));
      return hit.value;
    },
  };
}
