// Step 9: the Enrollment Service's company name and privacy policy. The policy is checked (HTTPS, answers, mentions
// biometric data) before anything is written; a failing one is not saved unless the technician decides so, asked first.
import { useSay } from '../i18n/say';
import { text } from '../../contract/text';
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckRunPanel } from '../components/CheckRunPanel';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Icon } from '../components/Icon';
import { StepFrame } from '../components/StepFrame';
import { TextField } from '../components/TextField';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function EnrollmentStep(_props: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const say = useSay();
  const s = useSetupStore();
  const load = s.loadEnrollment;
  const keepDraft = s.keepDraft;
  // What was typed and not saved comes back after a visit to another step (also while it is being saved).
  const draft = s.drafts.enrollment;
  const [company, setCompany] = useState(draft?.companyName ?? '');
  const [url, setUrl] = useState(draft?.privacyPolicyUrl ?? '');
  const [touched, setTouched] = useState(draft !== null);
  const [confirmSave, setConfirmSave] = useState(false);
  const refusedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    keepDraft('enrollment', touched ? { companyName: company, privacyPolicyUrl: url } : null);
  }, [keepDraft, touched, company, url]);
  useEffect(() => {
    if (touched || s.enrollment === null) return;
    setCompany(s.enrollment.companyName);
    setUrl(s.enrollment.privacyPolicyUrl);
  }, [s.enrollment, touched]);

  // The refusal is what the technician must read next: it takes focus and scrolls to the top of the view, so the
  // failing check right below it is in view too, even at 1024×768.
  const refused =
    s.policyRefused !== null &&
    s.policyRefused.companyName === company.trim() &&
    s.policyRefused.privacyPolicyUrl === url.trim()
      ? s.policyRefused
      : null;
  useEffect(() => {
    if (s.policyRefused === null) return;
    refusedRef.current?.focus({ preventScroll: true });
    refusedRef.current?.scrollIntoView({ block: 'start' });
  }, [s.policyRefused]);

  const save = (acceptFailingPolicy: boolean): void => {
    void s.saveEnrollment(company, url, acceptFailingPolicy).then((ok) => ok && setTouched(false));
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    save(false);
  };
  const edit = (setter: (v: string) => void) => (v: string) => {
    setTouched(true);
    setter(v);
  };
  // What XS4 Face holds equals the form (saved, or found by "Check what XS4 Face holds" after a write without answer).
  const held =
    s.enrollment !== null &&
    s.enrollment.companyName === company.trim() &&
    s.enrollment.privacyPolicyUrl === url.trim();
  const failingPolicy = s.policyChecks.find(
    (c) => c.id === 'enrollment.privacy-policy' && c.status === 'fail',
  );
  // "Continue anyway" only when what XS4 Face holds is the policy that failed (saved on purpose).
  const savedFailing =
    failingPolicy !== undefined && s.policyRefused === null && s.enrollment !== null && !touched;

  return (
    <StepFrame
      title={t('enrollment.title')}
      intro={<p>{t('enrollment.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() =>
        void s.complete(text('setup:enrollment.summary', { company: s.enrollment?.companyName ?? '' }))
      }
      continueDisabled={s.enrollment === null || (touched && !held)}
      continueHint={t('enrollment.continueHint')}
      continueLabel={savedFailing ? t('spaceSettings.continueAnyway') : undefined}
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
            {s.operation?.running === true && s.operation.action === 'saveEnrollment'
              ? t('common.saving')
              : t('enrollment.saveAndCheck')}
          </button>
        </div>
      </form>
      {refused !== null && (
        <div
          className="notice notice--error"
          role="alert"
          data-testid="policy-refused"
          tabIndex={-1}
          ref={refusedRef}
        >
          <Icon name="cross" />
          <div>
            <p className="notice__title">{t('enrollment.refusedTitle')}</p>
            <p>
              {s.enrollment === null
                ? t('enrollment.refusedNothingSaved')
                : t('enrollment.refusedKept', { url: s.enrollment.privacyPolicyUrl })}
            </p>
            <button
              type="button"
              className="btn"
              onClick={() => setConfirmSave(true)}
              disabled={s.busy !== null}
            >
              {t('enrollment.saveAnywayButton')}
            </button>
          </div>
        </div>
      )}
      <CheckRunPanel kinds={['policyCheck']} showLog={() => false} error={s.error} checks={s.policyChecks}>
        <p className="muted">{t('enrollment.guidance')}</p>
      </CheckRunPanel>
      {confirmSave && refused !== null && (
        <ConfirmDialog
          title={t('enrollment.saveAnywayTitle')}
          confirmLabel={t('enrollment.saveAnyway')}
          onCancel={() => setConfirmSave(false)}
          onConfirm={() => {
            setConfirmSave(false);
            save(true);
          }}
        >
          <p>{t('enrollment.saveAnywayBody', { url: refused.privacyPolicyUrl })}</p>
          {failingPolicy !== undefined && (
            <p>{t('enrollment.saveAnywayFailure', { summary: say(failingPolicy.summary) })}</p>
          )}
          <p>
            <strong>{t('enrollment.saveAnywayThen')}</strong>
          </p>
        </ConfirmDialog>
      )}
    </StepFrame>
  );
}
