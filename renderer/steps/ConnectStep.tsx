// Step 2: the XS4 Face address, the Microsoft sign-in (or a token obtained elsewhere), the site › server choice when the
// account has several; the certificate is judged on first contact; each failure says why and what to do. An attempt that
// fails leaves the working connection in place: Continue waits until something connects or the technician keeps it.
import { useSay } from '../i18n/say';
import { text } from '../../contract/text';
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { nextStep } from '../../contract/steps';
import { CertificateDialog } from '../components/CertificateDialog';
import { FailureNotice } from '../components/FailureNotice';
import { Icon } from '../components/Icon';
import { ServerPicker } from '../components/ServerPicker';
import { SignInPanel } from '../components/SignInPanel';
import { StepFrame } from '../components/StepFrame';
import { TextField } from '../components/TextField';
import { WaitStatus } from '../components/WaitStatus';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

/** "127.0.0.1:8443" of an address, for "Connecting to …" (the address itself when it does not parse). */
function hostOf(url: string): string {
  try {
    return new URL(url.trim()).host || url.trim();
  } catch {
    return url.trim();
  }
}

export function ConnectStep({ onTroubleshoot }: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const say = useSay();
  const s = useSetupStore();
  // What the core knows: a certificate question left open (after a reload), this attempt, the working connection.
  const known = s.pendingTrust?.url ?? s.connection?.url ?? s.faceChoice?.url ?? '';
  const [url, setUrl] = useState(known);
  const typedUrl = useRef(false);
  const [token, setToken] = useState('');
  const doneBefore = s.progress?.done.connect;
  const working = s.faceChoice?.url ?? null;
  const connected = s.connection;
  const body = useRef<HTMLDivElement>(null);
  /** After an attempt: "always" once its certificate dialog closed, "if-lost" when focus fell off a disabled button. */
  const outcomeFocus = useRef<'always' | 'if-lost' | null>(null);

  // The address arrives after the step appears (loaded from the core): filled in while the field is still empty.
  useEffect(() => {
    if (!typedUrl.current && url === '' && known !== '') setUrl(known);
  }, [known, url]);
  // Saved once it connected; a failed attempt keeps it in the field (masked), to correct or send again.
  useEffect(() => {
    if (connected !== null) setToken('');
  }, [connected]);
  useEffect(() => {
    if (s.pendingTrust !== null) outcomeFocus.current = 'always';
  }, [s.pendingTrust]);
  // Focus goes to what the attempt answered (the error, the connection, the picker), never to <body>.
  useEffect(() => {
    const want = outcomeFocus.current;
    if (want === null || s.busy !== null || s.pendingTrust !== null) return;
    outcomeFocus.current = null;
    const active = document.activeElement;
    if (want === 'if-lost' && active !== null && active !== document.body) return;
    const root = body.current;
    const target =
      root?.querySelector<HTMLElement>('[role="alert"]') ??
      root?.querySelector<HTMLElement>('[data-connected]') ??
      root?.querySelector<HTMLElement>('.picker input:checked, .picker input, .picker [role="note"]') ??
      root?.querySelector<HTMLElement>('[data-connect]');
    target?.focus();
  }, [s.busy, s.pendingTrust, s.error, connected, s.choices]);

  const attempt = (toUrl: string, withToken: string): void => {
    outcomeFocus.current = 'if-lost';
    void s.connect(toUrl, withToken);
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    attempt(url, token);
  };
  const keepWorking = (): void => {
    if (working === null) return;
    typedUrl.current = false;
    setUrl(working);
    setToken('');
    attempt(working, '');
  };
  const onUrl = (v: string): void => {
    typedUrl.current = true;
    setUrl(v);
  };

  // Continue needs a connection that works: made now, or made before and not put in doubt since (a failed attempt,
  // a sign-out, a server still to choose).
  const mayContinue =
    connected !== null || (doneBefore !== undefined && s.reconnect === null && s.choices === null);
  const onContinue = (): void => {
    // A new connection is recorded with its address; moving on with the earlier one keeps what was recorded then.
    if (connected !== null) void s.complete(text('setup:connect.summary', { url: connected.url }));
    else void s.goTo(nextStep('connect'));
  };

  return (
    <StepFrame
      title={t('connect.title')}
      intro={<p>{t('connect.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={onContinue}
      continueDisabled={!mayContinue}
      continueHint={t(
        s.choices !== null
          ? 'connect.server.continueHint'
          : s.reconnect === 'failed' && working !== null
            ? 'connect.keepHint'
            : 'connect.continueHint',
      )}
    >
      <div ref={body} className="connect">
        {/* Enter in the address connects, as before the sign-in existed (the token below is optional). */}
        <form onSubmit={submit} noValidate className="form">
          <TextField
            label={t('connect.url')}
            field="url"
            value={url}
            onChange={onUrl}
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
            <button type="submit" className="btn btn--primary" disabled={s.busy !== null} data-connect>
              {t('connect.connect')}
            </button>
          </div>
        </form>
        {s.busy === 'connect' && <WaitStatus text={t('connect.waiting', { host: hostOf(s.faceUrl) })} />}
        {connected !== null && (
          <p className="notice notice--ok" role="status" tabIndex={-1} data-connected>
            <Icon name="check" />
            <span>
              {t('connect.connected', { url: connected.url })} {t(`connect.trustedBy.${connected.trustedBy}`)}
            </span>
          </p>
        )}
        {connected === null && doneBefore !== undefined && s.reconnect === null && (
          <p className="notice notice--info" role="status">
            {t('connect.doneBefore', { summary: say(doneBefore.summary) })}
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
        {connected === null && s.reconnect === 'failed' && working !== null && (
          <div className="notice notice--info">
            <Icon name="info" />
            <div>
              <p role="status">{t('connect.kept', { url: working })}</p>
              <button type="button" className="btn" onClick={keepWorking} disabled={s.busy !== null}>
                {t('connect.keep')}
              </button>
            </div>
          </div>
        )}
      </div>
      {/* Opened once the attempt that asks is over, so its buttons are enabled and take focus (Escape works at once). */}
      {s.pendingTrust !== null && (s.busy === null || s.busy === 'trust') && (
        <CertificateDialog
          pending={s.pendingTrust}
          server="face"
          busy={s.busy !== null}
          waiting={s.busy === 'trust' ? t('cert.trusting', { url: s.pendingTrust.url }) : null}
          onTrust={() => void s.trustCertificate()}
          onRefuse={s.refuseCertificate}
        />
      )}
    </StepFrame>
  );
}
