// Renders a Text with any translate function: nested sentences first, then the catalog entry with plain parameters.
// Runtime-neutral (no i18next instance of its own), so the page can use its React i18next and Node its own.
import type { Sayable } from '../contract/text';

export type Translate = (key: string, params: Record<string, string | number>) => string;

export function formatText(value: Sayable, translate: Translate): string {
  if (typeof value === 'string') return value;
  const plain: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(value.params ?? {}))
    plain[name] = typeof param === 'object' ? formatText(param, translate) : param;
  return translate(value.key, plain);
}
