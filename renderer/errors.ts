// Turns whatever a window.xs4 call rejected with into something the UI can show: code, message, remedy.
import { isXs4Error } from '../contract/xs4-error';

export interface ShownError {
  code: string;
  message: string;
  remedy: string;
}

export function toShownError(e: unknown): ShownError {
  if (isXs4Error(e)) return { code: e.code, message: e.message, remedy: e.remedy };
  return { code: 'UI_ERROR', message: e instanceof Error ? e.message : String(e), remedy: '' };
}
