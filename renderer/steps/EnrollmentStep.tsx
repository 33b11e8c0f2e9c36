// Step 9: the Enrollment Service's company name and privacy policy, with the policy check (HTTPS, mentions biometric data).
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckRunPanel } from '../components/CheckRunPanel';
import { StepFrame } from '../components/StepFrame';
import { TextField } from '../components/TextField';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function EnrollmentStep(_props: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const s = useSetupStore();
  const load = s.loadEnrollment;
  const [company, setCompany] = useState('');
  const [url, setUrl] = useState('');
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (touched || s.enrollment === null) return;
    setCompany(s.enrollment.companyName);
    setUrl(s.enrollment.privacyPolicyUrl);
  }, [s.enrollment, touched]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void s.saveEnrollment(company, url).then((ok) => ok && setTouched(false));
  };
  const edit = (setter: (v: string) => void) => (v: string) => {
    setTouched(true);
    setter(v);
  };
  const policyFailing = s.policyChecks.some((c) => c.status === 'fail');

  return (
    <StepFrame
      title={t('enrollment.title')}
      intro={<p>{t('enrollment.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() =>
        void s.complete(t('enrollment.summary', { company: s.enrollment?.companyName ?? '' }))
      }
      continueDisabled={s.enrollment === null || touched}
      continueHint={t('enrollment.continueHint')}
      continueLabel={policyFailing ? t('spaceSettings.continueAnyway') : undefined}
    >
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label={t('enrollment.company')}
          field="companyName"
          value={company}
          onChange={edit(setCompany)}
          errors={s.fieldErrors}
          hint={t('enrollment.companyHint')}
          required
        />
        <TextField
          label={t('enrollment.policy')}
          field="privacyPolicyUrl"
          value={url}
          onChange={edit(setUrl)}
          errors={s.fieldErrors}
          hint={t('enrollment.policyHint')}
          placeholder="https://example.com/privacy"
          spellCheck={false}
          dir="ltr"
          required
        />
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={s.busy !== null}>
            {t('enrollment.saveAndCheck')}
          </button>
        </div>
      </form>
      <CheckRunPanel kinds={['policyCheck']} showLog={() => false} error={s.error} checks={s.policyChecks}>
        <p className="muted">{t('enrollment.guidance')}</p>
      </CheckRunPanel>
    </StepFrame>
  );
}
