// Turns whatever a window.xs4 call rejected with into something the UI can show: code, message, remedy, and for
// INVALID_INPUT the field and the rule, so the form can show it next to the field; the facts of its detail, so a
// message the catalogs know by its code (AUTH_*) is said in the technician's language.
import { isXs4Error } from '../../contract/xs4-error';
import type { TextParam } from '../../contract/text';

export interface CallError {
  code: string;
  message: string;
  remedy: string;
  /** For INVALID_INPUT: which field broke which rule. */
  field?: string;
  rule?: string;
  /**
   * The catalog key of the pair (core messages: `${key}.message`, `${key}.remedy`) and its parameters; without a key,
   * the detail's plain facts (strings and numbers) for the page's own `errors.<code>` entries.
   */
  key?: string;
  params?: Record<string, TextParam>;
  /** The detail's plain facts (ids the page acts on: a pending write's change id, an unconfirmed write's check id). */
  facts?: Record<string, string | number>;
}

function factsOf(detail: Record<string, unknown>): Record<string, string | number> | undefined {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(detail))
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    else if (typeof v === 'boolean') out[k] = String(v);
  return Object.keys(out).length > 0 ? out : undefined;
}

export function toCallError(e: unknown): CallError {
  if (isXs4Error(e)) {
    const detail = e.detail ?? {};
    const out: CallError = { code: e.code, message: e.message, remedy: e.remedy };
    if (typeof detail.field === 'string') out.field = detail.field;
    if (typeof detail.rule === 'string') out.rule = detail.rule;
    const facts = factsOf(detail);
    if (facts !== undefined) out.facts = facts;
    if (typeof e.key === 'string') {
      out.key = e.key;
      if (e.params !== undefined) out.params = e.params;
    } else if (facts !== undefined) out.params = facts;
    return out;
  }
  return { code: 'UI_UNEXPECTED', message: e instanceof Error ? e.message : String(e), remedy: '' };
}
