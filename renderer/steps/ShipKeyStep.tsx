// Step 5: the SHIP API Key (generated or typed), shown masked; the reminder that Space's SHIP tab needs the same key;
// replacing a different key XS4 Face holds and resetting XS4 Face's Authentication (API key) are each confirmed first,
// saying what must then be retyped in Space, and where.
import { text } from '../../contract/text';
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FailureNotice } from '../components/FailureNotice';
import { Icon } from '../components/Icon';
import { SecretField } from '../components/SecretField';
import { StepFrame } from '../components/StepFrame';
import { TextField } from '../components/TextField';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function ShipKeyStep(_props: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const s = useSetupStore();
  const load = s.loadShipKey;
  const [mode, setMode] = useState<'generate' | 'enter'>('generate');
  const [typed, setTyped] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  /** The fingerprint of the key XS4 Face holds, while the technician is asked whether to replace it. */
  const [replacing, setReplacing] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  /** Writes the key; the core refuses to replace a different one unasked, and the answer opens the confirmation. */
  const save = async (replace: boolean): Promise<void> => {
    const outcome =
      mode === 'generate' ? await s.generateShipKey(replace) : await s.enterShipKey(typed, replace);
    if (typeof outcome === 'object') setReplacing(outcome.replaces);
    // The typed key leaves this component's state as soon as the core has it.
    else if (outcome === 'saved') setTyped('');
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void save(false);
  };
  const key = s.shipKey;

  return (
    <StepFrame
      title={t('shipKey.title')}
      intro={<p>{t('shipKey.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() => void s.complete(text('setup:shipKey.summary', { fp: key?.fingerprint ?? '' }))}
      continueDisabled={key?.set !== true}
      continueHint={t('shipKey.continueHint')}
    >
      {key !== null && (
        <SecretField
          label={t('shipKey.current')}
          set={key.set}
          fingerprint={key.fingerprint}
          onReveal={s.revealShipKey}
          onCopy={s.copyShipKey}
        />
      )}
      {s.shipKeyReplacedAt !== null && (
        <p className="notice notice--warn" role="status">
          <Icon name="warning" />
          <span>{t('shipKey.replacedDone')}</span>
        </p>
      )}
      <p className="notice notice--info" role="note">
        <Icon name="info" />
        <span>{t('shipKey.reminder')}</span>
      </p>
      <form onSubmit={submit} noValidate className="form">
        <fieldset className="radios">
          <legend>{key?.set === true ? t('shipKey.changeLegend') : t('shipKey.setLegend')}</legend>
          <label>
            <input
              type="radio"
              name="shipKeyMode"
              checked={mode === 'generate'}
              onChange={() => setMode('generate')}
            />{' '}
            {t('shipKey.generate')}
          </label>
          <label>
            <input
              type="radio"
              name="shipKeyMode"
              checked={mode === 'enter'}
              onChange={() => setMode('enter')}
            />{' '}
            {t('shipKey.enter')}
          </label>
        </fieldset>
        {mode === 'enter' && (
          <TextField
            label={t('shipKey.value')}
            field="shipKey"
            type="password"
            value={typed}
            onChange={setTyped}
            errors={s.fieldErrors}
            hint={t('shipKey.valueHint')}
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            revealable
          />
        )}
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={s.busy !== null}>
            {mode === 'generate' ? t('shipKey.generateButton') : t('shipKey.saveButton')}
          </button>
        </div>
      </form>
      {s.error !== null && <FailureNotice error={s.error} />}

      <section className="subsection" aria-labelledby="auth-key-title">
        <h3 id="auth-key-title">{t('shipKey.authTitle')}</h3>
        <p>{t('shipKey.authExplain')}</p>
        <button
          type="button"
          className="btn"
          onClick={() => setConfirmReset(true)}
          disabled={s.busy !== null}
        >
          <Icon name="refresh" /> {t('shipKey.reset')}
        </button>
        {s.authKeyResetAt !== null && (
          <p className="notice notice--warn" role="status">
            <Icon name="warning" />
            <span>{t('shipKey.resetDone')}</span>
          </p>
        )}
      </section>
      {confirmReset && (
        <ConfirmDialog
          title={t('shipKey.resetTitle')}
          confirmLabel={t('shipKey.reset')}
          onCancel={() => setConfirmReset(false)}
          onConfirm={() => {
            setConfirmReset(false);
            void s.resetAuthKey();
          }}
        >
          <p>{t('shipKey.resetBody')}</p>
          <p>
            <strong>{t('shipKey.resetThen')}</strong>
          </p>
        </ConfirmDialog>
      )}
      {replacing !== null && (
        <ConfirmDialog
          title={t('shipKey.replaceTitle')}
          confirmLabel={t('shipKey.replace')}
          onCancel={() => setReplacing(null)}
          onConfirm={() => {
            setReplacing(null);
            void save(true);
          }}
        >
          <p>
            {replacing === '' ? t('shipKey.replaceBodyUnknown') : t('shipKey.replaceBody', { fp: replacing })}
          </p>
          <p>
            <strong>{t('shipKey.replaceThen')}</strong>
          </p>
        </ConfirmDialog>
      )}
    </StepFrame>
  );
}
