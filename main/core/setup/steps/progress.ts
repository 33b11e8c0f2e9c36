// Wizard progress (persisted, non-secret): where the technician stands, what each done step did.
import type { SetupService } from '../service';
import type { SetupContext } from '../context';
import { initialProgress } from '../setup-state';

export function progressSteps(
  ctx: SetupContext,
): Pick<SetupService, 'progress' | 'markStep' | 'resetProgress'> {
  return {
    async progress() {
      return (await ctx.state.read()).progress;
    },
    async markStep(step, summary, next) {
      const s = await ctx.state.update((st) => {
        if (summary !== null) st.progress.done[step] = { at: ctx.deps.now().toISOString(), summary };
        st.progress.current = next;
      });
      await ctx.deps.settings.update({ lastWizardStep: next });
      return s.progress;
    },
    async resetProgress() {
      const s = await ctx.state.update((st) => {
        st.progress = initialProgress();
        // Starting over forgets the last verification too: the Verify step starts without a result.
        delete st.verify;
      });
      return s.progress;
    },
  };
}
