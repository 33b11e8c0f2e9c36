// What the wizard view hands every step.
export interface StepProps {
  /** Switches the app to the Troubleshoot view. */
  onTroubleshoot: () => void;
}
