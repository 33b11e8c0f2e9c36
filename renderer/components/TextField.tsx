// A labelled input whose broken rule shows right under it, tied to it for screen readers (aria-invalid,
// aria-describedby) and focused when it is the first one broken; a masked input can be shown to find a bad character.
import { useSay } from '../i18n/say';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../store/validation';
import { Icon } from './Icon';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  /** The field's name in FieldError.field. */
  field: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  errors: FieldError[];
  /** A button beside the input (e.g. Browse…); given the label's id, so the button can be described by it. */
  action?: (labelId: string) => ReactNode;
  /** A masked input (type "password") with Show/Hide beside it: what was typed can be read to find a bad character. */
  revealable?: boolean;
}

/** "Port: must be a whole number from 1 to 65535." — the field and the rule, in the technician's language. */
export function useRuleText(): (label: string, error: FieldError) => string {
  const { t } = useTranslation('setup');
  const say = useSay();
  return (label, error) =>
    t('rules.format', {
      field: label,
      rule: error.ruleText !== undefined ? say(error.ruleText) : t(`rules.${error.rule}`, error.values ?? {}),
    });
}

export function TextField({
  label,
  field,
  value,
  onChange,
  hint,
  errors,
  action,
  revealable = false,
  ...rest
}: Props): ReactElement {
  const { t } = useTranslation('setup');
  const id = useId();
  const ruleText = useRuleText();
  const ref = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState(false);
  const error = errors.find((e) => e.field === field);
  const first = errors[0]?.field === field;
  // A new verdict on this field, the first one broken: the technician's focus goes where the correction is typed.
  useEffect(() => {
    if (error !== undefined && first) ref.current?.focus();
  }, [error, first]);
  const describedBy = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  const input = (
    <input
      id={id}
      ref={ref}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={error !== undefined}
      aria-describedby={describedBy === '' ? undefined : describedBy}
      {...rest}
      {...(revealable && shown ? { type: 'text' } : {})}
    />
  );
  const reveal = revealable && (
    <button
      type="button"
      className="btn btn--icon"
      aria-pressed={shown}
      onClick={() => setShown((v) => !v)}
      aria-label={t(shown ? 'secret.hideNamed' : 'secret.revealNamed', { name: label })}
    >
      <Icon name={shown ? 'eyeOff' : 'eye'} />
      <span>{t(shown ? 'secret.hide' : 'secret.reveal')}</span>
    </button>
  );
  return (
    <div className="field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {action === undefined && !revealable ? (
        input
      ) : (
        <div className="field__row">
          {input}
          {reveal}
          {action?.(`${id}-label`)}
        </div>
      )}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {ruleText(label, error)}
        </p>
      )}
    </div>
  );
}
