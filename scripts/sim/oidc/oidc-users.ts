// The simulated directory of the local OpenID provider: two tenants, their accounts, one password.

/** Tenant ids of the simulated directory (Microsoft Entra tenants are GUIDs). */
export const SIM_TENANT = '8f0d1c2b-5a4e-4c3d-9b8a-000000000001';
export const OTHER_TENANT = '8f0d1c2b-5a4e-4c3d-9b8a-0000000000ff';
/** Every simulated account accepts this password. */
export const SIM_PASSWORD = 'sim-password';

export interface SimUser {
  email: string;
  name: string;
  tenantId: string;
}

export const DEFAULT_USERS: SimUser[] = [
  { email: 'technician@contoso.example', name: 'Casey Technician', tenantId: SIM_TENANT },
  { email: 'visitor@fabrikam.example', name: 'Robin Visitor', tenantId: OTHER_TENANT },
];
