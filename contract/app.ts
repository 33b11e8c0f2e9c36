// Shapes of the shell's channels: the language, the non-secret settings and what the core says about itself.
import { z } from 'zod';
import { errorInfoSchema } from './channel';
import { SHA256_FINGERPRINT, SHA256_FINGERPRINT_RULE } from './rules/fingerprint';

import { LANGUAGES } from './languages';

export type { Language } from './languages';
export const languageSchema = z.enum(LANGUAGES);

/** A SHA-256 certificate fingerprint as 64 hex digits, colons optional (normalised by the core). */
export const fingerprintSchema = z.string().regex(SHA256_FINGERPRINT, SHA256_FINGERPRINT_RULE);

/** Non-secret settings. Secrets never appear here: they live in the SecretStore. */
export const settingsSchema = z.object({
  language: languageSchema,
  /** Base URL of the XS4 Face server, empty until the technician enters it. */
  faceServerUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })]),
  /** Certificate fingerprints the technician pinned, keyed by "host:port". */
  pinnedFingerprints: z.record(z.string().min(1), fingerprintSchema),
  /** Last wizard step the technician reached, so a restart resumes there. */
  lastWizardStep: z.string().max(64).nullable(),
  /** SHIP port of Space, when not the default. */
  spaceShipPort: z.number().int().min(1).max(65535).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'en',
  faceServerUrl: '',
  pinnedFingerprints: {},
  lastWizardStep: null,
  spaceShipPort: null,
};

/** A partial update; unknown keys are refused so a typo is an error, not a silent no-op. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const appInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  platform: z.enum(['win32', 'linux', 'darwin', 'other']),
  arch: z.string(),
  /** True only on Windows: the install script, PowerShell checks and fixes need it. */
  windowsFeatures: z.boolean(),
  /** Problems found at start (e.g. a corrupt settings file that was backed up); the UI shows them. */
  startupProblems: z.array(errorInfoSchema),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
