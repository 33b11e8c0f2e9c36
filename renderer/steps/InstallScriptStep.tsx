// Step 6: the Space Install Script — where it comes from, its SHA-256 and signature — run elevated with a live log.
// A run that already succeeded is not repeated on resume unless the technician asks.
import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureNotice } from '../components/FailureNotice';
import { Icon } from '../components/Icon';
import { LogPanel } from '../components/LogPanel';
import { StepFrame } from '../components/StepFrame';
import { LtrText } from '../components/LtrText';
import { PathField } from '../components/PathField';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

const SIGNATURE_OK = new Set(['Valid']);
/** Statuses that mean "not checked here" (off Windows), not "badly signed". */
const SIGNATURE_UNCHECKED = new Set(['NotChecked', 'unavailable']);

export function InstallScriptStep(_props: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const s = useSetupStore();
  const [source, setSource] = useState<'face' | 'file'>('face');
  const [path, setPath] = useState('');
  // The technician may have run the vendor's script by hand already; saying so is recorded in the summary.
  const [ranByHand, setRanByHand] = useState(false);
  const doneBefore = s.progress?.done.installScript;
  const script = s.script;
  const run = s.scriptRun;
  const op = s.operation?.kind === 'installScript' ? s.operation : null;

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
            ? t('script.summaryByHand')
            : t('script.summary', { exit: run?.exitCode ?? '—', sha: script?.sha256.slice(0, 16) ?? '' }),
        )
      }
      continueDisabled={run?.outcome !== 'succeeded' && doneBefore === undefined && !ranByHand}
      continueHint={t('script.continueHint')}
    >
      {doneBefore !== undefined && run === null && (
        <p className="notice notice--ok" role="status">
          <Icon name="check" />
          <span>{t('script.doneBefore', { summary: doneBefore.summary })}</span>
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
            <dd>
              <span className={SIGNATURE_OK.has(script.signature.status) ? 'text-ok' : 'text-warn'}>
                {script.signature.status}
              </span>
              {script.signature.signer !== null && ` — ${script.signature.signer}`}
              {script.signature.reason !== null && (
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
          <div className="form__actions">
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => void s.runScript()}
              disabled={s.busy !== null}
            >
              <Icon name="shield" /> {run === null ? t('script.runAsAdmin') : t('script.retry')}
            </button>
          </div>
          <p className="muted">{t('script.uacNote')}</p>
        </section>
      )}

      {op !== null && (
        <LogPanel operation={op} title={t('script.logTitle')} onCancel={() => void s.cancelOperation()} />
      )}

      {run !== null && (
        <div
          className={`notice ${run.outcome === 'succeeded' ? 'notice--ok' : 'notice--error'}`}
          role="status"
          data-outcome={run.outcome}
        >
          <Icon name={run.outcome === 'succeeded' ? 'check' : 'cross'} />
          <div>
            <p className="notice__title">{t(`script.outcome.${run.outcome}`)}</p>
            <p>{run.message}</p>
            <p>{t('script.exitCode', { code: run.exitCode ?? '—' })}</p>
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
          <label htmlFor="script-ran-by-hand">{t('script.ranByHand')}</label>
        </div>
      )}
    </StepFrame>
  );
}
