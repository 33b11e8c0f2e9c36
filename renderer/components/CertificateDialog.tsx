// Shows the certificate XS4 Face presented on first contact (or after it changed) so the technician can judge and pin it.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingTrust } from '../store/connect';
import { Icon } from './Icon';
import { Modal } from './Modal';

interface Props {
  pending: PendingTrust;
  busy: boolean;
  onTrust: () => void;
  onRefuse: () => void;
}

/** Groups the 64 hex digits in pairs so they can be read aloud and compared with the server's console. */
export function formatFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{1,2}/g)?.join(':') ?? hex;
}

export function CertificateDialog({ pending, busy, onTrust, onRefuse }: Props): ReactElement {
  const { t, i18n } = useTranslation('setup');
  const c = pending.certificate;
  const date = (iso: string): string => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(i18n.language);
  };
  return (
    <Modal
      title={t('cert.title')}
      role="alertdialog"
      onCancel={onRefuse}
      initialFocus="[data-cancel]"
      wide
      footer={
        <>
          <button type="button" className="btn btn--primary" onClick={onTrust} disabled={busy}>
            {t('cert.trust')}
          </button>
          <button type="button" className="btn" data-cancel onClick={onRefuse} disabled={busy}>
            {t('cert.refuse')}
          </button>
        </>
      }
    >
      <p className="notice notice--warn" role="note">
        <Icon name="shield" /> <span>{pending.reason.message}</span>
      </p>
      <p>{t('cert.explain', { url: pending.url })}</p>
      <dl className="facts">
        <dt>{t('cert.subject')}</dt>
        <dd>{c.subject}</dd>
        <dt>{t('cert.issuer')}</dt>
        <dd>
          {c.issuer}
          {c.selfSigned ? ` (${t('cert.selfSigned')})` : ''}
        </dd>
        {c.subjectAltNames.length > 0 && (
          <>
            <dt>{t('cert.altNames')}</dt>
            <dd>{c.subjectAltNames.join(', ')}</dd>
          </>
        )}
        <dt>{t('cert.validity')}</dt>
        <dd>{t('cert.validityRange', { from: date(c.validFrom), to: date(c.validTo) })}</dd>
        <dt>{t('cert.fingerprint')}</dt>
        <dd className="mono" data-testid="cert-fingerprint">
          {formatFingerprint(c.fingerprint256)}
        </dd>
      </dl>
      <p>{t('cert.compare')}</p>
    </Modal>
  );
}
