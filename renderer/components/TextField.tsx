// A labelled input whose broken rule shows right under it, tied to it for screen readers.
import { useId, type InputHTMLAttributes, type ReactElement } from 'react';
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
}

/** "Port: must be a whole number from 1 to 65535." — the field and the rule, in the technician's language. */
export function useRuleText(): (label: string, error: FieldError) => string {
  const { t } = useTranslation('setup');
  return (label, error) =>
    t('rules.format', { field: label, rule: t(`rules.${error.rule}`, error.values ?? {}) });
}

export function TextField({ label, field, value, onChange, hint, errors, ...rest }: Props): ReactElement {
  const id = useId();
  const ruleText = useRuleText();
  const error = errors.find((e) => e.field === field);
  const describedBy = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        {...rest}
      />
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
