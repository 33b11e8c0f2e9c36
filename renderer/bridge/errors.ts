// Turns whatever a window.xs4 call rejected with into something the UI can show: code, message, remedy, and for
// INVALID_INPUT the field and the rule, so the form can show it next to the field.
import { isXs4Error } from '../../contract/xs4-error';

export interface CallError {
  code: string;
  message: string;
  remedy: string;
  /** For INVALID_INPUT: which field broke which rule. */
  field?: string;
  rule?: string;
}

export function toCallError(e: unknown): CallError {
  if (isXs4Error(e)) {
    const detail = e.detail ?? {};
    const out: CallError = { code: e.code, message: e.message, remedy: e.remedy };
    if (typeof detail.field === 'string') out.field = detail.field;
    if (typeof detail.rule === 'string') out.rule = detail.rule;
    return out;
  }
  return { code: 'UI_UNEXPECTED', message: e instanceof Error ? e.message : String(e), remedy: '' };
}
