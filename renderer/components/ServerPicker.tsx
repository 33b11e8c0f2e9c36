// The Console's site › server choice: every server of the account under its site, with what the Console shows about it
// (online or offline, pending messages); one checked for the technician (suggestedServer); "Use this server" makes it the one the later
// steps work on.
import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerChoice, ServerChoices } from '../../contract/setup-shapes';
import './ServerPicker.css';

/** The parent keys it by the preselection, so a new preselection starts it afresh. */
interface Props {
  choices: ServerChoices;
  busy: boolean;
  onChoose: (siteId: string, serverId: string) => void;
}

const key = (siteId: string, serverId: string): string => JSON.stringify([siteId, serverId]);

const keyOf = (v: ServerChoice): string => key(v.siteId, v.serverId);

/**
 * The server checked for the technician: the one the core preselected (remembered, or the only one), else the only
 * online server, else the first online one; none when every server is offline (the technician decides).
 * @internal exported for its test
 */
export function suggestedServer(choices: ServerChoices): string {
  const pre = choices.preselected;
  if (pre !== null) return key(pre.siteId, pre.serverId);
  const online = choices.sites.flatMap((s) => s.servers).filter((v) => v.online);
  return online[0] === undefined ? '' : keyOf(online[0]);
}

export function ServerPicker({ choices, busy, onChoose }: Props): ReactElement {
  const { t } = useTranslation('setup');
  const [suggested] = useState(() => suggestedServer(choices));
  const [picked, setPicked] = useState(suggested);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (picked === '') return;
    const [siteId, serverId] = JSON.parse(picked) as [string, string];
    onChoose(siteId, serverId);
  };

  return (
    <section className="picker" aria-labelledby="picker-title">
      <h3 id="picker-title">{t('connect.server.heading')}</h3>
      {choices.reason === 'no-servers' ? (
        <p className="notice notice--warn" role="note">
          {t('connect.server.noServers')}
        </p>
      ) : (
        <form onSubmit={submit} className="form">
          <p className="muted">
            {choices.reason === 'remembered' ? t('connect.server.remembered') : t('connect.server.explain')}
            {choices.preselected === null && suggested !== '' && <> {t('connect.server.suggested')}</>}
          </p>
          {choices.sites.map((site) => (
            <fieldset key={site.id} className="picker__site">
              <legend>{t('connect.server.site', { name: site.name })}</legend>
              {site.servers.map((v) => {
                const k = keyOf(v);
                const id = `server-${v.siteId}-${v.serverId}`;
                return (
                  <div key={k} className="picker__server">
                    <input
                      id={id}
                      type="radio"
                      name="face-server"
                      value={k}
                      checked={picked === k}
                      onChange={() => setPicked(k)}
                      aria-describedby={`${id}-facts`}
                    />
                    <label htmlFor={id}>{v.serverName}</label>
                    <span id={`${id}-facts`} className="picker__facts">
                      <span className={`picker__state picker__state--${v.online ? 'online' : 'offline'}`}>
                        {t(v.online ? 'connect.server.online' : 'connect.server.offline')}
                      </span>
                      <span>
                        {v.pendingMessages === null
                          ? t('connect.server.pendingUnknown')
                          : t('connect.server.pending', { count: v.pendingMessages })}
                      </span>
                    </span>
                  </div>
                );
              })}
            </fieldset>
          ))}
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={busy || picked === ''}>
              {t('connect.server.use')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
