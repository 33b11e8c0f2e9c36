// Step 2: the XS4 Face address, the Microsoft sign-in (or a token obtained elsewhere), the site › server choice when the
// account has several; the certificate is judged on first contact; each failure says why and what to do.
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CertificateDialog } from '../components/CertificateDialog';
import { FailureNotice } from '../components/FailureNotice';
import { Icon } from '../components/Icon';
import { ServerPicker } from '../components/ServerPicker';
import { SignInPanel } from '../components/SignInPanel';
import { StepFrame } from '../components/StepFrame';
import { TextField } from '../components/TextField';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function ConnectStep({ onTroubleshoot }: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const s = useSetupStore();
  const [url, setUrl] = useState(s.connection?.url ?? s.faceChoice?.url ?? '');
  const [token, setToken] = useState('');
  const doneBefore = s.progress?.done.connect;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void s.connect(url, token).then(() => setToken(''));
  };
  const connected = s.connection;
  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // In a short window the outcome appears below the sticky Back/Continue bar: bring it into view once.
    if (connected !== null) outcome.current?.scrollIntoView?.({ block: 'nearest' });
  }, [connected]);

  return (
    <StepFrame
      title={t('connect.title')}
      intro={<p>{t('connect.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() => void s.complete(t('connect.summary', { url: connected?.url ?? '' }))}
      continueDisabled={connected === null && doneBefore === undefined}
      continueHint={t(s.choices !== null ? 'connect.server.continueHint' : 'connect.continueHint')}
    >
      {/* Enter in the address connects, as before the sign-in existed (the token below is optional). */}
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label={t('connect.url')}
          field="url"
          value={url}
          onChange={setUrl}
          errors={s.fieldErrors}
          hint={t('connect.urlHint')}
          placeholder="https://xs4face.example.local"
          autoComplete="url"
          dir="ltr"
          spellCheck={false}
          required
        />
      </form>
      <SignInPanel url={url} />
      <h3>{t('connect.tokenHeading')}</h3>
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label={t('connect.token')}
          field="token"
          type="password"
          value={token}
          onChange={setToken}
          errors={s.fieldErrors}
          hint={t('connect.tokenHint')}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={s.busy !== null}>
            {s.busy === 'connect' || s.busy === 'trust' ? t('connect.connecting') : t('connect.connect')}
          </button>
        </div>
      </form>
      {s.busy === 'connect' && (
        <p role="status" className="muted">
          {t('connect.connecting')}
        </p>
      )}
      {connected !== null && (
        <p ref={outcome} className="notice notice--ok" role="status">
          <Icon name="check" />
          <span>
            {t('connect.connected', { url: connected.url })} {t(`connect.trustedBy.${connected.trustedBy}`)}
          </span>
        </p>
      )}
      {connected === null && doneBefore !== undefined && (
        <p className="notice notice--info" role="status">
          {t('connect.doneBefore', { summary: doneBefore.summary })}
        </p>
      )}
      {s.choices !== null && (
        <ServerPicker
          key={JSON.stringify(s.choices.preselected)}
          choices={s.choices}
          busy={s.busy !== null}
          onChoose={(siteId, serverId) => void s.chooseServer(siteId, serverId)}
        />
      )}
      {s.error !== null && (
        <FailureNotice error={s.error}>
          <button type="button" className="btn btn--link" onClick={onTroubleshoot}>
            {t('common.openTroubleshoot')}
          </button>
        </FailureNotice>
      )}
      {s.pendingTrust !== null && (
        <CertificateDialog
          pending={s.pendingTrust}
          server="face"
          busy={s.busy !== null}
          onTrust={() => void s.trustCertificate()}
          onRefuse={s.refuseCertificate}
        />
      )}
    </StepFrame>
  );
}
