// A labelled input whose broken rule shows right under it, tied to it for screen readers.
import { useSay } from '../i18n/say';
import { useId, type InputHTMLAttributes, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../store/validation';

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
  ...rest
}: Props): ReactElement {
  const id = useId();
  const ruleText = useRuleText();
  const error = errors.find((e) => e.field === field);
  const describedBy = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  const input = (
    <input
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={error !== undefined}
      aria-describedby={describedBy === '' ? undefined : describedBy}
      {...rest}
    />
  );
  return (
    <div className="field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {action === undefined ? (
        input
      ) : (
        <div className="field__row">
          {input}
          {action(`${id}-label`)}
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
