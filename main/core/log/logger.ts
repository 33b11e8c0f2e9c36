// The logging seam the core uses: four levels, message plus optional structured data. No electron here.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface LogRecord {
  level: LogLevel;
  message: string;
  data?: Record<string, unknown>;
}

/** @internal A logger that keeps records in memory (tests, e2e) after passing them through `redact`. */
export function createMemoryLogger(
  redact: (value: unknown) => unknown = (v) => v,
): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const at =
    (level: LogLevel) =>
    (message: string, data?: Record<string, unknown>): void => {
      const rec: LogRecord = { level, message: redact(message) as string };
      if (data !== undefined) rec.data = redact(data) as Record<string, unknown>;
      records.push(rec);
    };
  return { records, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
