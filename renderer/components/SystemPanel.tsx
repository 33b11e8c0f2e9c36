// What the core reports about this computer: version, platform, whether the Windows steps can run here.
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../contract/app';
import './SystemPanel.css';

export function SystemPanel({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="system-heading">
      <h3 id="system-heading" className="panel__heading">
        {t('system.heading')}
      </h3>
      <dl className="facts facts--quiet">
        <dt>{t('system.version')}</dt>
        <dd data-testid="app-version">{info.version}</dd>
        <dt>{t('system.platform')}</dt>
        <dd data-testid="app-platform">
          {t(`system.platforms.${info.platform}`)} ({info.arch})
        </dd>
        <dt>{t('system.windowsSteps')}</dt>
        <dd
          data-testid="windows-features"
          className={info.windowsFeatures ? 'status status--ok' : 'status status--warn'}
        >
          {info.windowsFeatures ? t('system.windowsAvailable') : t('system.windowsUnavailable')}
        </dd>
      </dl>
    </section>
  );
}
