// Shows a certificate XS4 Face or Space presented (on first contact, or after it changed) so the technician can judge and pin it.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo } from '../../contract/certificate';
import { Icon } from './Icon';
import type { CallError } from '../bridge/errors';
import { useErrorWords } from '../i18n/error-words';
import { LtrText, TextWithValues } from './LtrText';
import { Modal } from './Modal';
import { WaitStatus } from './WaitStatus';

/** What the dialog shows: the certificate, why it needs a decision, and the fingerprint accepted before, if it changed. */
export interface TrustPrompt {
  url: string;
  certificate: CertificateInfo;
  reason: {
    code: string;
    message: string;
    remedy: string;
    key?: string | undefined;
    params?: CallError['params'];
  };
  previousFingerprint256?: string | undefined;
}

interface Props {
  pending: TrustPrompt;
  /** Whose certificate: the compare hint names where its fingerprint can be read. */
  server: 'face' | 'space';
  busy: boolean;
  /** While the trust is being checked and used: what it waits for (shown with the elapsed seconds). */
  waiting?: string | null;
  onTrust: () => void;
  onRefuse: () => void;
}

/** The names a certificate is issued for, as a technician reads them: "xs4face.local", "10.0.0.5" (else its CN). */
export function certificateNames(c: CertificateInfo): string[] {
  const sans = c.subjectAltNames
    .map((n) => n.replace(/^(DNS|IP Address|IP):/i, '').trim())
    .filter((n) => n !== '');
  if (sans.length > 0) return sans;
  const cn = /(?:^|,\s*)CN=([^,]+)/.exec(c.subject)?.[1]?.trim();
  return cn !== undefined ? [cn] : [];
}

/** Groups the 64 hex digits in pairs so they can be read aloud and compared with the server's console. */
export function formatFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{1,2}/g)?.join(':') ?? hex;
}

export function CertificateDialog({
  pending,
  server,
  busy,
  waiting = null,
  onTrust,
  onRefuse,
}: Props): ReactElement {
  const { t, i18n } = useTranslation('setup');
  const reason = useErrorWords(pending.reason);
  const c = pending.certificate;
  const changed = pending.previousFingerprint256 !== undefined;
  const date = (iso: string): string => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(i18n.language);
  };
  const title = changed
    ? t('cert.changedTitle')
    : server === 'space'
      ? t('cert.titleSpace')
      : t('cert.title');
  return (
    <Modal
      title={title}
      role="alertdialog"
      // Escape while the answer is being used would abandon a request already sent: it waits, like the buttons.
      onCancel={busy ? () => undefined : onRefuse}
      initialFocus="[data-cancel]"
      wide
      footer={
        <>
          {waiting !== null && <WaitStatus text={waiting} />}
          <button type="button" className="btn btn--primary" onClick={onTrust} disabled={busy}>
            {changed ? t('cert.trustNew') : t('cert.trust')}
          </button>
          <button type="button" className="btn" data-cancel onClick={onRefuse} disabled={busy}>
            {t('cert.refuse')}
          </button>
        </>
      }
    >
      <p className="notice notice--warn" role="note">
        <Icon name="shield" /> <span>{reason.message}</span>
      </p>
      {c.namesMatch === false && c.host !== undefined && (
        // Chain trust aside, a certificate for other names may belong to another server: said first, in plain words.
        <div className="notice notice--error" role="note" data-testid="cert-names-mismatch">
          <Icon name="warning" />
          <div>
            <p className="notice__title">{t('cert.namesMismatchTitle')}</p>
            <p>
              <TextWithValues
                text={t('cert.namesMismatch', {
                  host: c.host,
                  names: certificateNames(c).join(', ') || t('cert.noNames'),
                })}
              />
            </p>
          </div>
        </div>
      )}
      <p>
        {changed
          ? t('cert.changed', { url: pending.url })
          : t(server === 'space' ? 'cert.explainSpace' : 'cert.explain', { url: pending.url })}
      </p>
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
            <dd>
              {c.subjectAltNames.map((n, i) => (
                <span key={`${i}-${n}`}>
                  {i > 0 && ', '}
                  <LtrText value={n} />
                </span>
              ))}
            </dd>
          </>
        )}
        <dt>{t('cert.validity')}</dt>
        <dd>{t('cert.validityRange', { from: date(c.validFrom), to: date(c.validTo) })}</dd>
        {changed && (
          <>
            <dt>{t('cert.previousFingerprint')}</dt>
            <dd className="mono" data-testid="cert-previous-fingerprint">
              <LtrText value={formatFingerprint(pending.previousFingerprint256 ?? '')} />
            </dd>
          </>
        )}
        <dt>{changed ? t('cert.newFingerprint') : t('cert.fingerprint')}</dt>
        <dd className="mono" data-testid="cert-fingerprint">
          <LtrText value={formatFingerprint(c.fingerprint256)} />
        </dd>
      </dl>
      <p>{t(server === 'space' ? 'cert.compareSpace' : 'cert.compare')}</p>
    </Modal>
  );
}
