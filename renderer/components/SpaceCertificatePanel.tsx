// Space's certificate in the Space settings step and Troubleshoot: check it, see who trusts it, and trust it in the
// same dialog as XS4 Face's (subject, issuer, names, validity, SHA-256). `onTrusted` runs the checks again.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CertificateDialog, formatFingerprint } from './CertificateDialog';
import { Icon } from './Icon';
import { useSetupStore } from '../store/setup';

export function SpaceCertificatePanel({ onTrusted }: { onTrusted: () => void }): ReactElement {
  const { t } = useTranslation('setup');
  const s = useSetupStore();
  const c = s.spaceCertificate;
  const trust = async (): Promise<void> => {
    await s.trustSpaceCertificate();
    if (useSetupStore.getState().spaceCertificate?.state === 'trusted') onTrusted();
  };
  return (
    <section className="subsection" aria-labelledby="space-cert-title" data-testid="space-certificate">
      <h3 id="space-cert-title">{t('spaceCert.title')}</h3>
      <p>{t('spaceCert.intro')}</p>
      <div className="form__actions">
        <button
          type="button"
          className="btn"
          onClick={() => void s.checkSpaceCertificate()}
          disabled={s.busy !== null}
        >
          {s.busy === 'spaceCertificate' ? t('spaceCert.checking') : t('spaceCert.check')}
        </button>
      </div>
      {c?.state === 'trusted' && (
        <p className="notice notice--ok" role="status">
          <Icon name="check" />
          <span>
            {t(c.trustedBy === 'pin' ? 'spaceCert.trustedPin' : 'spaceCert.trustedSystem', {
              fingerprint: formatFingerprint(c.certificate.fingerprint256),
            })}
          </span>
        </p>
      )}
      {c?.state === 'needs-trust' && (
        <CertificateDialog
          pending={c}
          server="space"
          busy={s.busy !== null}
          onTrust={() => void trust()}
          onRefuse={s.refuseSpaceCertificate}
        />
      )}
    </section>
  );
}
