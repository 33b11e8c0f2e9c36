// A sentence the core says, as a catalog key and its parameters: rendered in the reader's language by messages/.
// Zod-free (the page imports its values); the schemas are in text-schema.ts.

/** A parameter is a plain value, or another sentence rendered first (e.g. the cause inside "Could not read: …"). */
export type TextParam = string | number | Text;

export interface Text {
  /** Key in the messages catalogs (messages/<lang>/*.json), e.g. "checks.power.sleep.summary.fail". */
  key: string;
  params?: Record<string, TextParam>;
}

/** Builds a sentence of the catalogs; `key` must exist in messages/en (the completeness test walks every literal key). */
export function text(key: string, params?: Record<string, TextParam>): Text {
  return params === undefined ? { key } : { key, params };
}

export function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

/** A Text, or during the move to the catalogs a sentence already in English words (shown as it is). */
export type Sayable = Text | string;
