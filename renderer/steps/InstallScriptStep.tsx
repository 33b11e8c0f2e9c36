// Step 6: the Space Install Script — where it comes from, its SHA-256 and signature — run elevated with a live log.
// A run that already succeeded is not repeated on resume unless the technician asks. Off Windows it cannot run here:
// the step says so at once, offers no run, and the way on is to confirm it was run on the Space server.
import { useSay } from '../i18n/say';
import { text } from '../../contract/text';
import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureNotice } from '../components/FailureNotice';
import { Icon } from '../components/Icon';
import { LogPanel } from '../components/LogPanel';
import { StepFrame } from '../components/StepFrame';
import { LtrText } from '../components/LtrText';
import { PathField } from '../components/PathField';
import { useSetupStore } from '../store/setup';
import { useShellStore } from '../store/shell-store';
import type { StepProps } from './step-props';

const SIGNATURE_OK = new Set(['Valid']);
/** Statuses that mean "not checked here" (off Windows), not "badly signed". */
const SIGNATURE_UNCHECKED = new Set(['NotChecked', 'unavailable']);
/** Get-AuthenticodeSignature's statuses (and "NotChecked" off Windows), each with a name in the catalogs. */
const SIGNATURE_NAMED = new Set([
  'Valid',
  'NotSigned',
  'HashMismatch',
  'NotTrusted',
  'UnknownError',
  'NotSupportedFileFormat',
  'Incompatible',
  'NotChecked',
  'unavailable',
]);

export function InstallScriptStep(_props: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const say = useSay();
  const s = useSetupStore();
  const [source, setSource] = useState<'face' | 'file'>('face');
  const [path, setPath] = useState('');
  // The technician may have run the vendor's script by hand already; saying so is recorded in the summary.
  const [ranByHand, setRanByHand] = useState(false);
  const doneBefore = s.progress?.done.installScript;
  const script = s.script;
  const run = s.scriptRun;
  const op = s.operation?.kind === 'installScript' ? s.operation : null;
  // The core runs scripts only on Windows; elsewhere nothing here can run it (the technician runs it on the server).
  const offWindows = useShellStore((st) => st.appInfo?.windowsFeatures === false);
  const mayContinue = run?.outcome === 'succeeded' || doneBefore !== undefined || ranByHand;

  const load = (e: FormEvent): void => {
    e.preventDefault();
    void s.loadScript(source === 'face' ? { kind: 'face' } : { kind: 'file', path });
  };

  return (
    <StepFrame
      title={t('script.title')}
      intro={<p>{t('script.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() =>
        void s.complete(
          ranByHand && run?.outcome !== 'succeeded'
            ? text('setup:script.summaryByHand')
            : text('setup:script.summary', {
                exit: run?.exitCode ?? '—',
                sha: script?.sha256.slice(0, 16) ?? '',
              }),
        )
      }
      continueDisabled={!mayContinue}
      continueHint={offWindows ? t('script.continueHintOffWindows') : t('script.continueHint')}
    >
      {offWindows && (
        <div className="notice notice--info" role="note" data-testid="script-off-windows">
          <Icon name="info" />
          <div>
            <p className="notice__title">{t('script.offWindowsTitle')}</p>
            <p>{t('script.offWindowsBody')}</p>
          </div>
        </div>
      )}
      {doneBefore !== undefined && run === null && (
        <p className="notice notice--ok" role="status">
          <Icon name="check" />
          <span>{t('script.doneBefore', { summary: say(doneBefore.summary) })}</span>
        </p>
      )}
      <form onSubmit={load} noValidate className="form">
        <fieldset className="radios">
          <legend>{t('script.source')}</legend>
          <label>
            <input
              type="radio"
              name="scriptSource"
              checked={source === 'face'}
              onChange={() => setSource('face')}
            />{' '}
            {t('script.fromFace')}
          </label>
          <label>
            <input
              type="radio"
              name="scriptSource"
              checked={source === 'file'}
              onChange={() => setSource('file')}
            />{' '}
            {t('script.fromFile')}
          </label>
        </fieldset>
        {source === 'file' && (
          <PathField
            label={t('script.path')}
            field="scriptPath"
            value={path}
            onChange={setPath}
            errors={s.fieldErrors}
            hint={t('script.pathHint')}
            placeholder="C:\\Users\\Public\\Downloads\\SpaceInstall.ps1"
            purpose="installScript"
            dialogTitle={t('paths.dialog.installScript')}
            filterName={t('paths.filter.installScript')}
          />
        )}
        <div className="form__actions">
          <button type="submit" className="btn" disabled={s.busy !== null}>
            {t('script.load')}
          </button>
        </div>
      </form>

      {script !== null && (
        <section className="subsection" aria-labelledby="script-facts">
          <h3 id="script-facts">{t('script.factsTitle')}</h3>
          <dl className="facts">
            <dt>{t('script.sourceLabel')}</dt>
            <dd>{t(`script.sourceKind.${script.source}`)}</dd>
            <dt>{t('script.file')}</dt>
            <dd className="mono">
              <LtrText value={script.path} />
            </dd>
            <dt>{t('script.size')}</dt>
            <dd>{t('script.bytes', { count: script.sizeBytes })}</dd>
            <dt>SHA-256</dt>
            <dd className="mono" data-testid="script-sha256">
              <LtrText value={script.sha256} />
            </dd>
            <dt>{t('script.signature')}</dt>
            <dd data-testid="script-signature">
              <span className={SIGNATURE_OK.has(script.signature.status) ? 'text-ok' : 'text-warn'}>
                {SIGNATURE_NAMED.has(script.signature.status)
                  ? t(`script.signatureStatus.${script.signature.status}`)
                  : t('script.signatureStatusOther', { status: script.signature.status })}
              </span>
              {script.signature.signer !== null && ` — ${script.signature.signer}`}
              {/* Windows' own reason (in the system's language) explains a real verdict; "not checked here" needs none. */}
              {script.signature.reason !== null && !SIGNATURE_UNCHECKED.has(script.signature.status) && (
                <span className="block muted">{script.signature.reason}</span>
              )}
            </dd>
          </dl>
          {!SIGNATURE_OK.has(script.signature.status) && (
            <p className="notice notice--warn">
              {t(
                SIGNATURE_UNCHECKED.has(script.signature.status)
                  ? 'script.uncheckedWarning'
                  : 'script.unsignedWarning',
              )}
            </p>
          )}
          {!offWindows && (
            <>
              <div className="form__actions">
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => void s.runScript()}
                  disabled={s.busy !== null}
                >
                  <Icon name="shield" />{' '}
                  {run === null || run.outcome === 'unavailable' ? t('script.runAsAdmin') : t('script.retry')}
                </button>
              </div>
              <p className="muted">{t('script.uacNote')}</p>
            </>
          )}
        </section>
      )}

      {op !== null && run?.outcome !== 'unavailable' && (
        <LogPanel operation={op} title={t('script.logTitle')} onCancel={() => void s.cancelOperation()} />
      )}

      {run !== null && (
        <div
          className={`notice ${run.outcome === 'succeeded' ? 'notice--ok' : run.outcome === 'unavailable' ? 'notice--info' : 'notice--error'}`}
          role="status"
          data-outcome={run.outcome}
        >
          <Icon
            name={run.outcome === 'succeeded' ? 'check' : run.outcome === 'unavailable' ? 'info' : 'cross'}
          />
          <div>
            <p className="notice__title">{t(`script.outcome.${run.outcome}`)}</p>
            <p>{say(run.message)}</p>
            {run.exitCode !== null && <p>{t('script.exitCode', { code: run.exitCode })}</p>}
            {run.transcriptPath !== null && (
              <p className="mono">{t('script.transcript', { path: run.transcriptPath })}</p>
            )}
          </div>
        </div>
      )}
      {s.error !== null && <FailureNotice error={s.error} />}
      {run?.outcome !== 'succeeded' && doneBefore === undefined && (
        <div className="field field--check">
          <input
            id="script-ran-by-hand"
            type="checkbox"
            checked={ranByHand}
            onChange={(e) => setRanByHand(e.target.checked)}
          />
          <label htmlFor="script-ran-by-hand">
            {offWindows ? t('script.ranByHandOffWindows') : t('script.ranByHand')}
          </label>
        </div>
      )}
    </StepFrame>
  );
}
