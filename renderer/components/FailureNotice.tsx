// Shows a failure the way the core explains it: what happened, what to do, and the stable code for support.
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../bridge/errors';
import { Icon } from './Icon';
import { useErrorWords } from '../i18n/error-words';

interface Props {
  error: CallError;
  /** Extra actions, e.g. "Open Troubleshoot". */
  children?: ReactNode;
}

export function FailureNotice({ error, children }: Props): ReactElement {
  const { t } = useTranslation('setup');
  const { message, remedy } = useErrorWords(error);
  return (
    // Focusable (not in the Tab order) so a step can move focus here when a dialog that hid it closes.
    <div className="notice notice--error" role="alert" data-code={error.code} tabIndex={-1}>
      <Icon name="cross" />
      <div>
        <p className="notice__title">{message}</p>
        {remedy !== '' && (
          <p>
            <strong>{t('common.whatToDo')}</strong> {remedy}
          </p>
        )}
        <p className="notice__code">{t('common.errorCode', { code: error.code })}</p>
        {children}
      </div>
    </div>
  );
}
