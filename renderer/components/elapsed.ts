// Elapsed time for the panels of long waits: a clock that ticks every second while something runs, and "42 s" /
// "3 min 05 s" in the technician's language.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "42 s", "3 min 05 s". */
export function useElapsed(): (ms: number) => string {
  const { t } = useTranslation('setup');
  return (ms) => {
    const total = Math.max(0, Math.floor(ms / 1000));
    const m = Math.floor(total / 60);
    const s = total % 60;
    return m === 0 ? t('pending.seconds', { s }) : t('pending.minutes', { m, s: String(s).padStart(2, '0') });
  };
}

/** The page clock, re-read twice a second while `on`, so an elapsed time moves without lagging a whole second. */
export function useTick(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}
