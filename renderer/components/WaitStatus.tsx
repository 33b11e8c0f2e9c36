// What the page waits for while a request runs (a connection, a certificate checked again): a spinner, the words, and
// the seconds since it started, so a slow server never looks like a frozen window.
import { useEffect, useState, type ReactElement } from 'react';
import { useElapsed } from './elapsed';
import './WaitStatus.css';

interface Props {
  /** What it waits for, e.g. "Connecting to 10.0.0.5:443: waiting for the server's answer." */
  text: string;
}

/** Counted from when it appears; it is shown only while the wait lasts. */
export function WaitStatus({ text }: Props): ReactElement {
  const elapsed = useElapsed();
  const [start] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="wait" role="status">
      <span className="wait__spinner" aria-hidden="true" />
      <span>
        {text}{' '}
        {/* A timer, not a live region: the words are announced once, the seconds are there to read. */}
        <span className="wait__elapsed" role="timer" aria-live="off">
          {elapsed(now - start)}
        </span>
      </span>
    </p>
  );
}
