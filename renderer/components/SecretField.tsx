// A secret shown masked (with its fingerprint), revealed only while the technician asks, copied by the main process.
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';
import './SecretField.css';

interface Props {
  label: string;
  /** Whether a value exists at all. */
  set: boolean;
  /** First hex digits of the value's SHA-256, so two places can be compared without showing the value. */
  fingerprint: string | null;
  /** Asks the core for the value; the value lives in this component's state only while shown. */
  onReveal: () => Promise<string | null>;
  /** Asks the core to put the value on the clipboard; true when it did. */
  onCopy: () => Promise<boolean>;
  /** Hides a revealed value again after this long. */
  hideAfterMs?: number;
}

export const MASK = '••••••••••••••••';

export function SecretField({
  label,
  set,
  fingerprint,
  onReveal,
  onCopy,
  hideAfterMs = 30_000,
}: Props): ReactElement {
  const { t } = useTranslation('setup');
  const [shown, setShown] = useState<string | null>(null);

  useEffect(() => {
    if (shown === null) return;
    const timer = setTimeout(() => setShown(null), hideAfterMs);
    return () => clearTimeout(timer);
  }, [shown, hideAfterMs]);

  const toggle = async (): Promise<void> => {
    if (shown !== null) {
      setShown(null);
      return;
    }
    setShown(await onReveal());
  };

  return (
    <div className="secret">
      <span className="secret__label">{label}</span>
      <span className="secret__value mono" data-testid="secret-value" aria-live="polite" dir="ltr">
        {!set ? t('secret.notSet') : (shown ?? MASK)}
      </span>
      {set && fingerprint !== null && (
        <span className="secret__fp">{t('secret.fingerprint', { fp: fingerprint })}</span>
      )}
      {set && (
        <span className="secret__actions">
          <button
            type="button"
            className="btn btn--icon"
            aria-pressed={shown !== null}
            onClick={() => void toggle()}
            aria-label={t(shown === null ? 'secret.revealNamed' : 'secret.hideNamed', { name: label })}
          >
            <Icon name={shown === null ? 'eye' : 'eyeOff'} />
            <span>{t(shown === null ? 'secret.reveal' : 'secret.hide')}</span>
          </button>
          <CopyButton label={label} onCopy={onCopy} copiedKey="secret.copied" />
        </span>
      )}
    </div>
  );
}
