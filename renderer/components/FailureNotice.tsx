// Shows a failure the way the core explains it: what happened, what to do, and the stable code for support.
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../bridge/errors';
import { Icon } from './Icon';

interface Props {
  error: CallError;
  /** Extra actions, e.g. "Open Troubleshoot". */
  children?: ReactNode;
}

export function FailureNotice({ error, children }: Props): ReactElement {
  const { t, i18n } = useTranslation('setup');
  // Failures the page itself raises (e.g. a refused certificate) carry no core text, and the sign-in's (AUTH_*) are
  // known by their code: the catalogs say them in the technician's language, with the facts of their detail.
  const known = error.message === '' || i18n.exists(`errors.${error.code}.message`, { ns: 'setup' });
  const facts = error.params ?? {};
  const message = known ? t(`errors.${error.code}.message`, facts) : error.message;
  const remedy = known ? t(`errors.${error.code}.remedy`, { ...facts, defaultValue: '' }) : error.remedy;
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
