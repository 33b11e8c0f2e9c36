// Why a connection needs the technician's judgement, as the page receives it: an error's words and catalog key,
// without its detail (the certificate travels beside it).
import { toErrorInfo, type AppError } from '../errors';

export interface Reason {
  code: string;
  message: string;
  remedy: string;
  key?: string;
  params?: NonNullable<ReturnType<typeof toErrorInfo>['params']>;
}

export function reasonOf(e: AppError): Reason {
  const { code, message, remedy, key, params } = toErrorInfo(e);
  return {
    code,
    message,
    remedy,
    ...(key !== undefined ? { key } : {}),
    ...(params !== undefined ? { params } : {}),
  };
}
