// Shows a structured error: message, remedy and the stable code (what support asks for).
import { useTranslation } from 'react-i18next';
import type { CallError } from '../errors';

export function ErrorNotice({ error, onRetry }: { error: CallError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__message">{error.message}</p>
      {error.remedy !== '' && <p className="notice__remedy">{error.remedy}</p>}
      <p className="notice__code">{t('status.code', { code: error.code })}</p>
      {onRetry !== undefined && (
        <button type="button" className="button" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  );
}
