// Which checks of the engine each wizard step shows. Ids are the stable ids of the checks under main/core/checks/{space,windows,face};
// a step asks for its list, and the core answers `skip` with the reason for any it cannot run here.

/** Step 7, "Space settings": HTTPS, SHIP (add-on, transport, custom auth key), power-save, firewall. */
export const SPACE_SETTINGS_CHECKS: readonly string[] = [
  'space.service',
  'space.version',
  'space.https',
  'space.ship',
  'power.sleep',
  'power.states',
  'power.adapter',
  'firewall.space-port',
];

/** Step 9, "Enrollment Service": the privacy policy is reachable over HTTPS and mentions biometric data. */
export const ENROLLMENT_CHECKS: readonly string[] = ['enrollment.company-name', 'enrollment.privacy-policy'];

/** The integration kind this assistant configures, as XS4 Face names it, and how the toggle is labelled. */
export const CONFIGURABLE_INTEGRATIONS: ReadonlyArray<{ kind: string; name: string }> = [
  { kind: 'salto-space', name: 'Salto Space' },
];

/** How long step 10 follows the integration status before it explains why it is not Connected. */
export const VERIFY_DEADLINE_MS = 120_000;

/** How often the Integrations step refreshes the cards while it is shown. */
export const CARDS_REFRESH_MS = 5_000;

/** An integration the server has (not one it merely offers in the Add Integration dialog). */
export function isAdded(card: { added: boolean }): boolean {
  return card.added;
}

/** The name a technician knows for a kind (the card's own name when XS4 Face gives one). */
export function integrationName(card: { kind: string; name: string }): string {
  if (card.name !== card.kind) return card.name;
  return CONFIGURABLE_INTEGRATIONS.find((i) => i.kind === card.kind)?.name ?? card.name;
}
