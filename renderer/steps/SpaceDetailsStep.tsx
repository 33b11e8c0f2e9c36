// Step 4: Space Server Details, pre-filled from what this machine detects, editable, validated, saved to XS4 Face.
import { useSay } from '../i18n/say';
import { text } from '../../contract/text';
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureNotice } from '../components/FailureNotice';
import { Icon } from '../components/Icon';
import { StepFrame } from '../components/StepFrame';
import { TextField } from '../components/TextField';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function SpaceDetailsStep(_props: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const say = useSay();
  const s = useSetupStore();
  const load = s.loadSpaceDetails;
  const keepDraft = s.keepDraft;
  // What was typed and not saved comes back after a visit to another step (also while it is being saved).
  const draft = s.drafts.spaceDetails;
  const [host, setHost] = useState(draft?.host ?? '');
  const [port, setPort] = useState(draft?.port ?? '');
  const [https, setHttps] = useState(draft?.https ?? true);
  const [touched, setTouched] = useState(draft !== null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    keepDraft('spaceDetails', touched ? { host, port, https } : null);
  }, [keepDraft, touched, host, port, https]);

  // Pre-fill once: saved details first, then what detection found; the technician's edits are never overwritten.
  useEffect(() => {
    if (touched) return;
    const d = s.details;
    const det = s.detected;
    if (d !== null) {
      setHost(d.host);
      setPort(String(d.port));
      setHttps(d.https);
    } else if (det !== null) {
      setHost(det.fqdn ?? det.ipv4[0] ?? '');
      setPort(String(det.port));
      setHttps(det.https ?? true);
    }
  }, [s.details, s.detected, touched]);

  const edit =
    <T,>(setter: (v: T) => void) =>
    (v: T): void => {
      setTouched(true);
      setSaved(false);
      setter(v);
    };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void s.saveSpaceDetails(host, port, https).then((ok) => {
      setSaved(ok);
      if (ok) setTouched(false);
    });
  };
  const det = s.detected;
  const details = s.details;
  // Said while the write runs, also when the step is shown again during it.
  const saving = s.operation?.running === true && s.operation.action === 'saveDetails';
  // What XS4 Face holds equals the form (saved, or found by "Check what XS4 Face holds" after a write without answer).
  const held =
    details !== null &&
    details.host === host.trim() &&
    String(details.port) === port.trim() &&
    details.https === https;

  return (
    <StepFrame
      title={t('spaceDetails.title')}
      intro={<p>{t('spaceDetails.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() =>
        void s.complete(
          text('setup:spaceDetails.summary', {
            host: details?.host ?? '',
            port: details?.port ?? '',
            scheme: details?.https === false ? 'HTTP' : 'HTTPS',
          }),
        )
      }
      continueDisabled={details === null || (touched && !held)}
      continueHint={t('spaceDetails.continueHint')}
    >
      {det !== null && (
        <div className={`notice ${det.available ? 'notice--info' : 'notice--warn'}`} role="note">
          <Icon name="info" />
          <div>
            {det.available ? (
              <>
                <p>{t('spaceDetails.detected')}</p>
                <ul className="plain-list">
                  {det.fqdn !== null && <li>{t('spaceDetails.detectedFqdn', { fqdn: det.fqdn })}</li>}
                  {det.ipv4.length > 0 && (
                    <li>{t('spaceDetails.detectedIps', { ips: det.ipv4.join(', ') })}</li>
                  )}
                  <li>{t('spaceDetails.detectedPort', { port: det.port })}</li>
                  {det.serviceRunning !== null && (
                    <li>
                      {t(det.serviceRunning ? 'spaceDetails.serviceRunning' : 'spaceDetails.serviceStopped')}
                    </li>
                  )}
                  {det.version !== null && <li>{t('spaceDetails.version', { version: det.version })}</li>}
                </ul>
              </>
            ) : (
              <p>{t('spaceDetails.notDetected', { reason: det.reason !== null ? say(det.reason) : '' })}</p>
            )}
          </div>
        </div>
      )}
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label={t('spaceDetails.host')}
          field="host"
          value={host}
          onChange={edit(setHost)}
          errors={s.fieldErrors}
          hint={t('spaceDetails.hostHint')}
          spellCheck={false}
          dir="ltr"
          required
        />
        <TextField
          label={t('spaceDetails.port')}
          field="port"
          value={port}
          onChange={edit(setPort)}
          errors={s.fieldErrors}
          hint={t('spaceDetails.portHint')}
          inputMode="numeric"
          dir="ltr"
          required
        />
        <div className="field field--check">
          <input
            id="space-https"
            type="checkbox"
            checked={https}
            onChange={(e) => edit(setHttps)(e.target.checked)}
          />
          <label htmlFor="space-https">{t('spaceDetails.https')}</label>
        </div>
        {!https && <p className="notice notice--warn">{t('spaceDetails.httpsOff')}</p>}
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={s.busy !== null}>
            {saving ? t('common.saving') : t('spaceDetails.save')}
          </button>
        </div>
      </form>
      {saved && details !== null && (
        <p className="notice notice--ok" role="status">
          <Icon name="check" />
          <span>{t('spaceDetails.saved', { host: details.host, port: details.port })}</span>
        </p>
      )}
      {s.error !== null && <FailureNotice error={s.error} />}
    </StepFrame>
  );
}
