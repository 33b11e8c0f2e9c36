// "Sign in with Microsoft" on the Connect step: the region, the browser sign-in (and its Cancel), the code for another
// device (shown with its address and a Cancel), then who is signed in and Sign out.
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrowserPageWords } from '../../contract/sign-in-channels';
import { LANGUAGES } from '../../contract/languages';
import { useSetupStore } from '../store/setup';
import { Icon } from './Icon';
import './SignInPanel.css';

interface Props {
  /** The XS4 Face server address typed above (the sign-in is made for it). */
  url: string;
}

export function SignInPanel({ url }: Props): ReactElement {
  const { t, i18n } = useTranslation('setup');
  const s = useSetupStore();
  const usable = s.regions.filter((r) => r.usable);
  const [region, setRegion] = useState('');
  const chosen = region !== '' ? region : (s.signedIn?.regionId ?? usable[0]?.id ?? '');
  const op = s.operation !== null && s.operation.running ? s.operation : null;
  const inBrowser = op?.kind === 'signIn' ? op : null;
  const withCode = op?.kind === 'deviceCode' ? op : null;
  // Sign out removes the button that had focus: focus goes to the words saying it is done, not to <body>.
  const [signOuts, setSignOuts] = useState(0);
  const signedOutNotice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (signOuts > 0) signedOutNotice.current?.focus();
  }, [signOuts]);
  const signOut = async (): Promise<void> => {
    await s.signOut();
    if (useSetupStore.getState().signedIn === null) setSignOuts((n) => n + 1);
  };

  const pages = (): BrowserPageWords => ({
    language: LANGUAGES.find((l) => l === i18n.resolvedLanguage) ?? 'en',
    successTitle: t('connect.signIn.page.successTitle'),
    successText: t('connect.signIn.page.successText'),
    errorTitle: t('connect.signIn.page.errorTitle'),
    errorText: t('connect.signIn.page.errorText'),
  });

  if (s.signedIn !== null)
    return (
      <section className="signin" aria-labelledby="signin-title">
        <h3 id="signin-title">{t('connect.signIn.heading')}</h3>
        <p className="notice notice--ok" role="status" data-testid="signed-in">
          <Icon name="check" />
          <span>
            {t('connect.signIn.signedIn', {
              user: s.signedIn.username,
              region: s.signedIn.regionName,
              origin: s.signedIn.origin,
            })}
          </span>
        </p>
        <button type="button" className="btn" onClick={() => void signOut()} disabled={s.busy !== null}>
          {t('connect.signIn.signOut')}
        </button>
      </section>
    );

  return (
    <section className="signin" aria-labelledby="signin-title">
      <h3 id="signin-title">{t('connect.signIn.heading')}</h3>
      {s.reconnect === 'signedOut' && (
        <p className="notice notice--info" role="status" tabIndex={-1} ref={signedOutNotice}>
          <Icon name="info" />
          <span>{t('connect.signIn.signedOut')}</span>
        </p>
      )}
      <p className="muted">{t('connect.signIn.explain')}</p>
      {usable.length === 0 && s.signInLoaded ? (
        <p className="notice notice--info" role="note">
          {t('connect.signIn.noRegions')}
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="signin-region">{t('connect.signIn.region')}</label>
            <select
              id="signin-region"
              value={chosen}
              onChange={(e) => setRegion(e.target.value)}
              disabled={s.busy !== null}
            >
              {s.regions.map((r) => (
                <option key={r.id} value={r.id} disabled={!r.usable}>
                  {r.usable ? r.name : t('connect.signIn.regionUnavailable', { name: r.name })}
                </option>
              ))}
            </select>
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={s.busy !== null || chosen === ''}
              onClick={() => void s.signIn(chosen, url, pages())}
            >
              {t('connect.signIn.button')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={s.busy !== null || chosen === ''}
              onClick={() => void s.signInWithCode(chosen, url)}
            >
              {t('connect.signIn.withCode')}
            </button>
          </div>
        </>
      )}
      {inBrowser !== null && (
        <div className="notice notice--info" role="status">
          <Icon name="info" />
          <div>
            <p>{t('connect.signIn.inBrowser')}</p>
            <button
              type="button"
              className="btn"
              onClick={() => void s.cancelOperation()}
              disabled={inBrowser.cancelRequested}
            >
              {inBrowser.cancelRequested ? t('op.cancelling') : t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {withCode !== null && (
        <section className="notice notice--info signin__code" aria-label={t('connect.signIn.codeTitle')}>
          <Icon name="info" />
          <div>
            {withCode.deviceCode === null ? (
              <p role="status">{t('connect.signIn.waitingCode')}</p>
            ) : (
              <>
                <p>{t('connect.signIn.codeSteps', { url: withCode.deviceCode.verificationUri })}</p>
                <p className="signin__usercode mono" data-testid="device-code" dir="ltr">
                  {withCode.deviceCode.userCode}
                </p>
                <p className="muted">
                  {t('connect.signIn.codeExpires', {
                    time: new Date(withCode.deviceCode.expiresAt).toLocaleTimeString(i18n.resolvedLanguage),
                  })}
                </p>
              </>
            )}
            <button
              type="button"
              className="btn"
              onClick={() => void s.cancelOperation()}
              disabled={withCode.cancelRequested}
            >
              {withCode.cancelRequested ? t('op.cancelling') : t('common.cancel')}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
