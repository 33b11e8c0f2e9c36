// Every guess about the XS4 Face server API lives here (there is no public API); docs/assumptions.md has a row for each.

/** Version of the contract in docs/face-server-api.md that this client speaks. */
export const FACE_API_VERSION = '1';

/** Base path of the contract under the server URL the technician types. */
export const FACE_API_BASE_PATH = 'api/v1/';

/** Identifier of the Salto Space integration in the integrations list. */
export const SPACE_INTEGRATION_TYPE = 'salto-space';

/** The four card statuses of the seed page ("No status" is `unconfigured`). */
export const INTEGRATION_STATUSES = ['connected', 'unauthorized', 'disconnected', 'unconfigured'] as const;

/** States of a change travelling from XS4 Face Connect (cloud) to the on-site server. */
export const CHANGE_STATES = ['pending', 'applied', 'failed'] as const;

/** Id of the Authentication (API key) row in Space General Options; other rows are shown as the server lists them. */
export const AUTH_KEY_OPTION_ID = 'authenticationApiKey';

/** Largest JSON answer read from the server; the contract's answers are a few kilobytes. */
export const FACE_MAX_JSON_BYTES = 256 * 1024;

/** Largest install script accepted (base64 inside JSON, so the body cap is a third larger). */
export const FACE_MAX_SCRIPT_BYTES = 4 * 1024 * 1024;
