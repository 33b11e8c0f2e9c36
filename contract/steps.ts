// The setup wizard's steps in order: the one list the core (progress), the contract (StepId) and the page (navigation) use.
// Zod-free on purpose: the page imports the value without pulling zod into its bundle.

export const StepIds = [
  'welcome',
  'connect',
  'integrations',
  'spaceDetails',
  'shipKey',
  'installScript',
  'spaceSettings',
  'faceRecognition',
  'enrollment',
  'verify',
  'summary',
] as const;

export type StepId = (typeof StepIds)[number];

/** The step after `step` (the last one stays). */
export function nextStep(step: StepId): StepId {
  return StepIds[Math.min(StepIds.indexOf(step) + 1, StepIds.length - 1)] ?? step;
}

/** The step before `step` (the first one stays). */
export function previousStep(step: StepId): StepId {
  return StepIds[Math.max(StepIds.indexOf(step) - 1, 0)] ?? step;
}
