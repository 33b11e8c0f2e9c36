// Copies a value that is not secret (the page may hold it); secrets use SecretField. Both go through the main
// process: the page has no clipboard permission (the shell denies every permission request).
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { xs4 } from '../store/xs4';
import { Icon } from './Icon';

export function CopyButton({ value, label }: { value: string; label: string }): ReactElement {
  const { t } = useTranslation('setup');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async (): Promise<void> => {
    try {
      await xs4().clipboard.copyText({ text: value });
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
