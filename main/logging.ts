// The app's logger: electron-log (file + console), every line passed through the redactor first.
import log from 'electron-log/main';
import { join } from 'node:path';
import type { Logger } from './core/log/logger';
import type { Redactor } from './core/secrets/redact';

export function createAppLogger(redactor: Redactor, logsDir: string): Logger {
  log.transports.file.resolvePathFn = () => join(logsDir, 'main.log');
  log.transports.file.level = 'info';
  log.transports.console.level = process.env.XS4_DEBUG ? 'debug' : 'info';
  // The hook runs before every transport, so neither the file nor the console ever sees a secret.
  log.hooks.push((message) => {
    message.data = message.data.map((d: unknown) => redactor.redact(d));
    return message;
  });
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, data?: Record<string, unknown>): void => {
      if (data === undefined) log[level](message);
      else log[level](message, data);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
