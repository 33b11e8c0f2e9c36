// Everything we assume about Salto Space's SHIP-over-HTTP(S) service that no public document states; one place to change it.

/** The media type SHIP v1 over HTTP expects (integrator code; Space answers 415 to others). */
export const SHIP_CONTENT_TYPE = 'application/vnd.saltosystems.ship.v1+xml';

/** Header carrying the key of SHIP "custom authentication". */
export const SHIP_KEY_HEADER = 'Salto-SHIP-Key';

/** The protocol versions this app knows how to talk; GetInfo reports Space's. */
export const SUPPORTED_SHIP_PROTOCOL_VERSIONS = ['1.0'] as const;

/** Space's GetInfo DateTime carries no zone; Space reports its local wall-clock time (integrator samples). */
export const SHIP_DATETIME_IS_LOCAL_TIME = true;

/** Clock skew above this is worth a warning (face events carry timestamps; minutes of skew confuse audit trails). */
export const CLOCK_SKEW_WARN_SECONDS = 120;

/** SHIP exception codes seen in integrator code. */
export const ShipExceptionCodes = {
  OK: 0,
  DB_ERROR: 1,
  GENERAL: 4,
  INVALID_PARAMETER: 12,
  LICENCE_FEATURE_NOT_SUPPORTED: 13,
  LICENCE_CONSTRAINT: 14,
  UNKNOWN_COMMAND: 502,
} as const;

/** Where the technician fixes things in Space's UI (menu paths from the Space user guide). */
export const SpaceUiPaths = {
  shipTab: 'System › General options › SHIP',
  faceRecognitionTab: 'System › General options › Face recognition',
  configurator: 'Space Configurator › Service ports',
  /** The SHIP tab option that makes SHIP answer one address only (its answer to others is assumed: HTTP 403). */
  limitToOneServer: 'Limit communications to one server',
} as const;

/** What SHIP answers a request from an address "Limit communications to one server" does not name (assumed, not documented). */
export const SHIP_LIMITED_ADDRESS_STATUS = 403;
