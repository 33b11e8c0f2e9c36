// Electron-free dispatch of one contract call: find the handler, zod-parse input and output, turn every failure
// into a structured error. main/ipc.ts and the e2e harness both call this, so they behave the same.
import type { z } from 'zod';
import {
  contract,
  events,
  type ChannelName,
  type EventName,
  type HandlerContext,
  type Handlers,
} from '../../../contract/ipc';
import { type Result } from '../../../contract/channel';
import { AppError, fromErrorInfo, toErrorInfo } from '../errors';
import { invalidInputOf } from '../parse';
import type { Logger } from '../log/logger';

/** Fails loudly at start when the handler table and the contract disagree. */
export function assertHandlersMatchContract(handlers: Record<string, unknown>): void {
  const declared = Object.keys(contract);
  const missing = declared.filter((c) => typeof handlers[c] !== 'function');
  const extra = Object.keys(handlers).filter((h) => !declared.includes(h));
  if (missing.length > 0 || extra.length > 0) {
    throw new AppError('IPC_CONTRACT_MISMATCH', {
      params: { missing: missing.join(', ') || '—', extra: extra.join(', ') || '—' },
      detail: { missing, extra },
    });
  }
}

/** The first zod issue as INVALID_INPUT naming the field, the rule and the channel (its sentences kept). */
function issueToInvalidInput(error: z.ZodError, channel: string): AppError {
  const info = toErrorInfo(invalidInputOf(error, ''));
  return fromErrorInfo({ ...info, detail: { ...info.detail, channel } });
}

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Validates an event payload before it leaves the core. */
export function checkEvent<E extends EventName>(event: E, payload: unknown): z.infer<(typeof events)[E]> {
  return events[event].parse(payload) as z.infer<(typeof events)[E]>;
}

export type Dispatch = (channel: unknown, input: unknown, ctx: HandlerContext) => Promise<Result<unknown>>;

export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  assertHandlersMatchContract(handlers);
  return async (channel, input, ctx) => {
    try {
      if (!isChannelName(channel)) {
        log.warn('ipc: unknown channel', {
          channel: typeof channel === 'string' ? channel.slice(0, 80) : typeof channel,
        });
        throw new AppError('IPC_UNKNOWN_CHANNEL', {
          detail: { channel: typeof channel === 'string' ? channel.slice(0, 80) : null },
        });
      }
      const def = contract[channel];
      const parsedInput = def.input.safeParse(input);
      if (!parsedInput.success) {
        const err = issueToInvalidInput(parsedInput.error, channel);
        // The field and rule are logged, never the value: it may be a secret being typed.
        log.warn('ipc: malformed input', err.detail);
        throw err;
      }
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      const output = await handler(parsedInput.data, ctx);
      const parsedOutput = def.output.safeParse(output);
      if (!parsedOutput.success) {
        const issue = parsedOutput.error.issues[0];
        log.error('ipc: handler returned a value outside the contract', {
          channel,
          path: issue?.path.map(String).join('.'),
          rule: issue?.message,
        });
        throw new AppError('IPC_BAD_OUTPUT', { detail: { channel } });
      }
      return { ok: true, value: parsedOutput.data };
    } catch (e) {
      const info = toErrorInfo(e);
      if (info.code === 'INTERNAL') log.error('ipc: handler failed', { channel: String(channel), error: e });
      return { ok: false, error: info };
    }
  };
}
