// Structured errors shared by the whole core: a stable code for code and tests, a sentence and a remedy for people,
// both from the messages catalogs (errors.<CODE>.message / .remedy), so every reader gets them in their language.
import { text, type Text, type TextParam } from '../../contract/text';
import { coreCatalog } from '../../messages/catalog';
import { en } from '../../messages/render';

export type ErrorParams = Record<string, TextParam>;

export interface AppErrorOptions {
  /** The facts the catalog's sentences interpolate ({{host}}, {{minutes}} …); never a secret. */
  params?: ErrorParams;
  /** When one code has several sentences: errors.<CODE>.<variant>.message. */
  variant?: string;
  /** The catalog key when the code is not a literal (e.g. a probe's code): `${key}.message`, `${key}.remedy`. */
  key?: string;
  /** Structured data for code and support (JSON output, reports); plain facts only. */
  detail?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * A failure the app can explain. `code` is stable (tests and the UI key on it); `key` and `params` say it in any
 * language; `message` and `remedy` are the English sentences (logs, the CLI's default).
 */
export class AppError extends Error {
  readonly code: string;
  readonly remedy: string;
  readonly detail: Record<string, unknown> | undefined;
  /** Catalog key of the pair: `${key}.message`, `${key}.remedy`. Absent for a legacy English-only error. */
  readonly key: string | undefined;
  readonly params: ErrorParams | undefined;

  constructor(code: string, options?: AppErrorOptions);
  /** @deprecated English-only sentences: being moved to the catalogs (the completeness test lists what remains). */
  constructor(
    code: string,
    message: string,
    remedy: string,
    detail?: Record<string, unknown>,
    cause?: unknown,
  );
  constructor(
    code: string,
    messageOrOptions: string | AppErrorOptions = {},
    remedy?: string,
    detail?: Record<string, unknown>,
    cause?: unknown,
  ) {
    if (typeof messageOrOptions === 'string') {
      super(messageOrOptions, cause === undefined ? undefined : { cause });
      this.remedy = remedy ?? '';
      this.detail = detail;
      this.key = undefined;
      this.params = undefined;
    } else {
      const o = messageOrOptions;
      const key = o.key ?? (o.variant === undefined ? `errors.${code}` : `errors.${code}.${o.variant}`);
      super(en(text(`${key}.message`, o.params)), o.cause === undefined ? undefined : { cause: o.cause });
      this.remedy = en(text(`${key}.remedy`, o.params));
      this.detail = o.detail;
      this.key = key;
      this.params = o.params;
    }
    this.name = 'AppError';
    this.code = code;
  }

  /** The sentence and the remedy as Texts, for a reader in another language. */
  texts(): { message: Text | string; remedy: Text | string } {
    return this.key === undefined
      ? { message: this.message, remedy: this.remedy }
      : {
          message: text(`${this.key}.message`, this.params),
          remedy: text(`${this.key}.remedy`, this.params),
        };
  }
}

/** The plain shape that crosses IPC, goes into JSON output and reports. */
export interface ErrorInfo {
  code: string;
  /** English sentences (logs, the CLI without --lang, older readers). */
  message: string;
  remedy: string;
  /** Catalog key of the pair (`${key}.message`, `${key}.remedy`) and its parameters: say it in any language. */
  key?: string;
  params?: ErrorParams;
  detail?: Record<string, unknown>;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

function infoOf(e: AppError): ErrorInfo {
  const out: ErrorInfo = { code: e.code, message: e.message, remedy: e.remedy };
  if (e.key !== undefined) out.key = e.key;
  if (e.params !== undefined) out.params = e.params;
  if (e.detail !== undefined) out.detail = e.detail;
  return out;
}

/** Turns anything thrown into an ErrorInfo without leaking stack traces or secrets from foreign errors. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof AppError) return infoOf(e);
  if (e instanceof Error && e.name === 'AbortError') return infoOf(new AppError('CANCELLED'));
  return infoOf(new AppError('INTERNAL', { params: { cause: e instanceof Error ? e.message : String(e) } }));
}

/** An ErrorInfo thrown again (e.g. a settings problem found at start), its key and parameters kept. */
export function fromErrorInfo(info: ErrorInfo): AppError {
  if (info.key === undefined) return new AppError(info.code, info.message, info.remedy, info.detail);
  const options: AppErrorOptions = { key: info.key };
  if (info.params !== undefined) options.params = info.params;
  if (info.detail !== undefined) options.detail = info.detail;
  return new AppError(info.code, options);
}

let englishCatalog: Record<string, unknown> | undefined;

/** True when the English catalog has a sentence (not a group of them) at this dotted key. */
function hasSentence(key: string): boolean {
  englishCatalog ??= coreCatalog('en');
  let node: unknown = englishCatalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/**
 * The label of a field the technician fills in (fields.<name> in the catalogs), e.g. "XS4 Face server address".
 * A dotted field ("profile.enrollment.companyName", "regions.0.authority") is named by the most specific label the
 * catalogs have for its tail ("enrollment.companyName", then "companyName"; list indexes skipped), never by the internal
 * path itself: that stays in the error's detail.field for code and forms.
 */
export function fieldLabel(field: string): Text {
  const parts = field.split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  for (let i = 0; i < parts.length; i += 1) {
    const key = `fields.${parts.slice(i).join('.')}`;
    if (hasSentence(key)) return text(key);
  }
  return text('fields.input');
}

/**
 * Input that breaks a rule: always names the field (by its label) and the rule (rules.<code> in the catalogs).
 * `detail` keeps the field's name and the rule's key, so a form can show the error next to its field.
 */
export function invalidInput(field: string, rule: Text): AppError {
  return new AppError('INVALID_INPUT', {
    params: { field: fieldLabel(field), rule },
    detail: { field, rule: rule.key },
  });
}
