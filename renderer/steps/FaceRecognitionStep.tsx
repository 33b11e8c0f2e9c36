// Step 8: the exact values of XS4 Face's "Space General Options", to type into Space's General Options › Face recognition.
import { text } from '../../contract/text';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../components/CopyButton';
import { FailureNotice } from '../components/FailureNotice';
import { Icon } from '../components/Icon';
import { LtrText } from '../components/LtrText';
import { SecretField } from '../components/SecretField';
import { StepFrame } from '../components/StepFrame';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function FaceRecognitionStep(_props: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const s = useSetupStore();
  const load = s.loadGeneralOptions;
  const [entered, setEntered] = useState(s.progress?.done.faceRecognition !== undefined);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <StepFrame
      title={t('faceValues.title')}
      intro={<p>{t('faceValues.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() => void s.complete(text('setup:faceValues.summary', { count: s.generalOptions.length }))}
      continueDisabled={!entered || s.generalOptions.length === 0}
      continueHint={t('faceValues.continueHint')}
    >
      <ol className="plain-list steps-howto">
        <li>{t('faceValues.how1')}</li>
        <li>{t('faceValues.how2')}</li>
        <li>{t('faceValues.how3')}</li>
      </ol>
      {s.authKeyResetAt !== null && (
        <p className="notice notice--warn" role="note">
          <Icon name="warning" />
          <span>{t('faceValues.afterReset')}</span>
        </p>
      )}
      {s.error !== null && <FailureNotice error={s.error} />}
      <table className="values">
        <caption className="sr-only">{t('faceValues.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('faceValues.field')}</th>
            <th scope="col">{t('faceValues.value')}</th>
          </tr>
        </thead>
        <tbody>
          {s.generalOptions.map((o) => (
            <tr key={o.label}>
              <th scope="row">{o.label}</th>
              <td>
                {o.secret ? (
                  <SecretField
                    label={o.label}
                    set
                    fingerprint={null}
                    onReveal={() => s.revealGeneralOption(o.label)}
                    onCopy={() => s.copyGeneralOption(o.label)}
                  />
                ) : (
                  <span className="value-row">
                    <span className="mono">
                      <LtrText value={o.value ?? ''} />
                    </span>
                    <CopyButton value={o.value ?? ''} label={o.label} />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field field--check">
        <input
          id="face-values-entered"
          type="checkbox"
          checked={entered}
          onChange={(e) => setEntered(e.target.checked)}
        />
        <label htmlFor="face-values-entered">{t('faceValues.entered')}</label>
      </div>
    </StepFrame>
  );
}
