// Registers the `setup` namespace (wizard and Troubleshoot strings) on an i18next instance, in English and Spanish.
import type { i18n as I18n } from 'i18next';
import en from './setup.en.json';
import es from './setup.es.json';

export const SETUP_NAMESPACE = 'setup';
export const setupResources = { en, es } as const;

export function registerSetupNamespace(i18n: I18n): void {
  for (const [lng, bundle] of Object.entries(setupResources)) {
    // deep + overwrite: re-registering (hot reload, tests) replaces the strings instead of merging stale ones.
    i18n.addResourceBundle(lng, SETUP_NAMESPACE, bundle, true, true);
  }
}
