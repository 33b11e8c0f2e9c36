// Troubleshoot: run every check on this server (the same engine as `xs4-setup doctor`) with causes, remedies, fixes
// and undo; open an evidence bundle collected elsewhere and read it offline; export an HTML report.
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckList } from '../components/CheckList';
import { CheckRunPanel } from '../components/CheckRunPanel';
import { FailureNotice } from '../components/FailureNotice';
import { Icon } from '../components/Icon';
import { SpaceCertificatePanel } from '../components/SpaceCertificatePanel';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { LtrText, TextWithValues } from '../components/LtrText';
import { PathField } from '../components/PathField';
import { useSetupStore } from '../store/setup';
import { useSay } from '../i18n/say';

export function Troubleshoot({ onSetup }: { onSetup: () => void }): ReactElement {
  const { t, i18n } = useTranslation('setup');
  const say = useSay();
  const s = useSetupStore();
  const heading = useRef<HTMLHeadingElement>(null);
  const [bundlePath, setBundlePath] = useState('');
  const [reportPath, setReportPath] = useState('');
  const [collectPath, setCollectPath] = useState('');
  const clearError = s.clearError;
  useEffect(() => {
    // A failure shown by the wizard is not this view's: start clean, with focus on the title.
    clearError();
    heading.current?.focus();
  }, [clearError]);
  const checks = s.troubleshootChecks;
  const bundle = s.bundle;

  const open = (e: FormEvent): void => {
    e.preventDefault();
    void s.openBundle(bundlePath);
  };
  const collect = (e: FormEvent): void => {
    e.preventDefault();
    void s.collectBundle(collectPath);
  };
  const exportReport = (e: FormEvent): void => {
    e.preventDefault();
    void s.exportReport(reportPath);
  };

  return (
    <div className="view">
      <section className="step" aria-labelledby="troubleshoot-title">
        <h2 id="troubleshoot-title" ref={heading} tabIndex={-1} className="step__title">
          {t('troubleshoot.title')}
        </h2>
        <div className="step__intro">
          <p>{t('troubleshoot.intro')}</p>
        </div>
        {s.error !== null && <FailureNotice error={s.error} />}

        <section className="subsection" aria-labelledby="ts-live">
          <h3 id="ts-live">{t('troubleshoot.liveTitle')}</h3>
          <CheckRunPanel
            actions={
              <>
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => void s.runAllChecks()}
                  disabled={s.busy !== null}
                >
                  {checks.length === 0 ? t('troubleshoot.run') : t('checks.runAgain')}
                </button>
                <button type="button" className="btn" onClick={onSetup}>
                  {t('troubleshoot.backToSetup')}
                </button>
              </>
            }
            kinds={['checks', 'fix', 'undo']}
            showLog={(op) => op.kind !== 'checks'}
            checks={checks}
            empty={<p className="muted">{t('troubleshoot.notRun')}</p>}
          />
        </section>

        <SpaceCertificatePanel onTrusted={() => void s.runAllChecks()} />

        <section className="subsection" aria-labelledby="ts-bundle">
          <h3 id="ts-bundle">{t('troubleshoot.bundleTitle')}</h3>
          <p>{t('troubleshoot.bundleExplain')}</p>
          <form onSubmit={open} noValidate className="form">
            <PathField
              label={t('troubleshoot.bundlePath')}
              field="bundlePath"
              value={bundlePath}
              onChange={setBundlePath}
              errors={s.fieldErrors}
              hint={t('troubleshoot.bundlePathHint')}
              purpose="bundleFolder"
              dialogTitle={t('paths.dialog.bundleFolder')}
            />
            <div className="form__actions">
              <button type="submit" className="btn" disabled={s.busy !== null}>
                {t('troubleshoot.open')}
              </button>
              {bundle !== null && (
                <button type="button" className="btn" onClick={s.closeBundle}>
                  {t('troubleshoot.close')}
                </button>
              )}
            </div>
          </form>
          {bundle !== null && (
            <div data-testid="bundle">
              <dl className="facts">
                <dt>{t('troubleshoot.bundleFolder')}</dt>
                <dd className="mono">
                  <LtrText value={bundle.path} />
                </dd>
                <dt>{t('troubleshoot.machine')}</dt>
                <dd>{bundle.machineName ?? t('troubleshoot.unknown')}</dd>
                <dt>{t('troubleshoot.platform')}</dt>
                <dd>{bundle.platform ?? t('troubleshoot.unknown')}</dd>
                <dt>{t('troubleshoot.collectedAt')}</dt>
                <dd>
                  {bundle.collectedAt !== null
                    ? new Date(bundle.collectedAt).toLocaleString(i18n.language)
                    : t('troubleshoot.unknown')}
                </dd>
              </dl>
              {bundle.notes.map((n) => (
                <p key={n.key} className="notice notice--info">
                  <Icon name="info" />
                  <span>{say(n)}</span>
                </p>
              ))}
              <p className="muted">{t('troubleshoot.bundleNoFix')}</p>
              <CheckList checks={bundle.checks} busy onFix={() => undefined} onUndo={() => undefined} />
            </div>
          )}
        </section>

        <section className="subsection" aria-labelledby="ts-collect">
          <h3 id="ts-collect">{t('troubleshoot.collectTitle')}</h3>
          <p>{t('troubleshoot.collectExplain')}</p>
          <form onSubmit={collect} noValidate className="form">
            <PathField
              label={t('troubleshoot.collectPath')}
              field="collectPath"
              value={collectPath}
              onChange={setCollectPath}
              errors={s.fieldErrors}
              hint={t('troubleshoot.collectPathHint')}
              purpose="evidenceFolder"
              dialogTitle={t('paths.dialog.evidenceFolder')}
            />
            <div className="form__actions">
              <button type="submit" className="btn" disabled={s.busy !== null}>
                {t('troubleshoot.collect')}
              </button>
            </div>
          </form>
          {s.collectedBundle !== null && (
            <p className="notice notice--ok" role="status">
              <Icon name="check" />
              <span>{t('troubleshoot.collected', { path: s.collectedBundle })}</span>
            </p>
          )}
        </section>

        <section className="subsection" aria-labelledby="ts-export">
          <h3 id="ts-export">{t('troubleshoot.exportTitle')}</h3>
          <p>{bundle !== null ? t('troubleshoot.exportBundle') : t('troubleshoot.exportLive')}</p>
          <form onSubmit={exportReport} noValidate className="form">
            <PathField
              label={t('troubleshoot.reportPath')}
              field="reportPath"
              value={reportPath}
              onChange={setReportPath}
              errors={s.fieldErrors}
              hint={t('troubleshoot.reportPathHint')}
              purpose="report"
              dialogTitle={t('paths.dialog.report')}
              filterName={t('paths.filter.report')}
            />
            <div className="form__actions">
              <button type="submit" className="btn" disabled={s.busy !== null}>
                {t('troubleshoot.export')}
              </button>
            </div>
          </form>
          {s.exportedReport !== null && (
            <p className="notice notice--ok" role="status">
              <Icon name="check" />
              <span>{t('troubleshoot.exported', { path: s.exportedReport })}</span>
            </p>
          )}
        </section>
        {s.missingFolder !== null && (
          <ConfirmDialog
            title={t('paths.missingFolderTitle')}
            confirmLabel={t('paths.createFolder')}
            onCancel={() => void s.answerMissingFolder(false)}
            onConfirm={() => void s.answerMissingFolder(true)}
          >
            <p>
              <TextWithValues
                text={t('paths.missingFolder', {
                  folder: s.missingFolder.folder,
                  field: t(`troubleshoot.${s.missingFolder.field}`),
                })}
              />
            </p>
          </ConfirmDialog>
        )}
      </section>
    </div>
  );
}
