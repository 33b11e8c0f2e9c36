// Shows a structured error of the shell (startup problems, a failed load): message, remedy and the stable code.
import { useTranslation } from 'react-i18next';
import type { CallError } from '../bridge/errors';
import { Icon } from './Icon';
import { useErrorWords } from '../i18n/error-words';

export function ErrorNotice({ error, onRetry }: { error: CallError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { message, remedy } = useErrorWords(error);
  return (
    <div className="notice notice--error" role="alert">
      <Icon name="cross" />
      <div>
        <p className="notice__title">{message}</p>
        {remedy !== '' && <p>{remedy}</p>}
        <p className="notice__code">{t('status.code', { code: error.code })}</p>
        {onRetry !== undefined && (
          <button type="button" className="btn btn--primary" onClick={onRetry}>
            {t('status.retry')}
          </button>
        )}
      </div>
    </div>
  );
}
