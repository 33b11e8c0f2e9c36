// The copy button: a value the page may hold, or (onCopy) a secret the core copies without the page seeing it.
// Both go through the main process: the page has no clipboard permission (the shell denies every permission request).
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { xs4 } from '../bridge/xs4';
import { Icon } from './Icon';

interface Props {
  label: string;
  /** A value the page may hold; copied through the main process. */
  value?: string;
  /** Or: asks the core to copy something the page must not hold (a secret); true when it did. */
  onCopy?: () => Promise<boolean>;
  /** Translation key of the "copied" announcement. */
  copiedKey?: string;
}

export function CopyButton({ value, label, onCopy, copiedKey = 'common.copied' }: Props): ReactElement {
  const { t } = useTranslation('setup');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async (): Promise<void> => {
    try {
      if (onCopy) setState((await onCopy()) ? 'copied' : 'failed');
      else {
        await xs4().clipboard.copyText({ text: value ?? '' });
        setState('copied');
      }
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
        {state === 'copied' ? t(copiedKey) : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </>
  );
}
