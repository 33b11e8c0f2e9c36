// Values read left to right whatever the page's direction (URLs, addresses, paths, fingerprints), isolated from the
// text around them (<bdi dir="ltr">) so a right-to-left page keeps them intact, and wrapped only where a reader
// expects: never inside "host:port" (ltr-parts.ts).
import { Fragment, type ReactElement } from 'react';
import { sentenceParts, valueParts } from './ltr-parts';

/** One value, e.g. a URL in a table cell; `className` goes on the isolating element (e.g. "mono"). */
export function LtrText({ value, className }: { value: string; className?: string }): ReactElement {
  return (
    <bdi dir="ltr" className={className === undefined ? 'ltr' : `ltr ${className}`}>
      {valueParts(value).map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p.keep ? <span className="ltr__keep">{p.text}</span> : p.text}
        </Fragment>
      ))}
    </bdi>
  );
}

/** A sentence from the core or the catalogs that may hold values: each value is shown as an LtrText. */
export function TextWithValues({ text }: { text: string }): ReactElement {
  return (
    <>
      {sentenceParts(text).map((p, i) =>
        p.value ? <LtrText key={i} value={p.text} /> : <Fragment key={i}>{p.text}</Fragment>,
      )}
    </>
  );
}
