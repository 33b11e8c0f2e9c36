// Copies a value that is not secret (the page may hold it); secrets use SecretField, which copies in the main process.
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export function CopyButton({ value, label }: { value: string; label: string }): ReactElement {
  const { t } = useTranslation('setup');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button
        type="button"
        className="btn btn--icon"
        onClick={() => void copy()}
        aria-label={t('common.copyNamed', { name: label })}
      >
        <Icon name="copy" />
        <span>{t('common.copy')}</span>
      </button>
      <span className="sr-live" role="status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </>
  );
}
