// A self-contained HTML report of a run: inline CSS, no scripts, no external resources, printable; every value escaped.
// Every heading and label comes from the catalogs (report.*) in the language asked for, right to left for Arabic
// (the CSS uses logical sides, so the layout mirrors).
import type { CheckStatus } from '../checks/types';
import { isRightToLeft, type Language } from '../../../contract/languages';
import { text, type Sayable, type Text } from '../../../contract/text';
import { renderText } from '../../../messages/render';

export interface ReportCheck {
  id: string;
  title: Sayable;
  status: CheckStatus;
  summary: Sayable;
  detail?: Sayable;
  remedy?: Sayable;
  code?: string;
}

/** A row of the report's "inputs" table: a label, and a value as given (a URL, a fingerprint) or as a sentence. */
export interface ReportInput {
  label: Text;
  value: string | Text;
}

export interface ReportModel {
  /** Already redacted: the report renders what it is given. */
  generatedAt: string;
  toolVersion: string;
  source: 'live' | 'evidence';
  /** When the evidence was collected (bundle manifest) or the run started. */
  collectedAt?: string;
  machineName?: string;
  platform?: string;
  /** Inputs as shown to people: URLs, and secrets only as fingerprints. */
  inputs: ReportInput[];
  counts: Record<CheckStatus, number>;
  checks: ReportCheck[];
  notes?: Text[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Escapes text for element content and quoted attributes; control characters are dropped. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STATUS_LABEL: Record<CheckStatus, Text> = {
  pass: text('report.status.pass'),
  warn: text('report.status.warn'),
  fail: text('report.status.fail'),
  skip: text('report.status.skip'),
};

const CSS = `
:root{color-scheme:light}
body{font:14px/1.45 "Segoe UI",system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.meta{color:#555;margin:0 0 1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:start;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #ddd}
th{background:#f3f3f3}
.totals span{display:inline-block;margin-inline-end:1rem;font-weight:600}
.badge{display:inline-block;min-width:3.2rem;text-align:center;font-weight:700;border-radius:3px;padding:0 .3rem;border:1px solid}
.pass{color:#0b6b20;border-color:#0b6b20}.warn{color:#8a5a00;border-color:#8a5a00}.fail{color:#b00020;border-color:#b00020}.skip{color:#555;border-color:#888}
.check{border:1px solid #ddd;border-inline-start-width:6px;border-radius:4px;padding:.5rem .75rem;margin:.5rem 0;break-inside:avoid}
.check.pass{border-inline-start-color:#0b6b20}.check.warn{border-inline-start-color:#c08000}.check.fail{border-inline-start-color:#b00020}.check.skip{border-inline-start-color:#999}
.check h3{font-size:1rem;margin:0 0 .25rem;color:#1b1b1b}.id{color:#666;font:12px ui-monospace,Consolas,monospace}
.remedy{margin:.25rem 0 0}.remedy b{color:#1b1b1b}
code{font:12px ui-monospace,Consolas,monospace;overflow-wrap:anywhere}
@media print{body{margin:0;max-width:none;font-size:11pt}.check{border-color:#999}a{color:inherit;text-decoration:none}}
`;

function row(label: string, value: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td><code dir="auto">${escapeHtml(value)}</code></td></tr>`;
}

type Say = (x: Sayable) => string;

function checkCard(c: ReportCheck, say: Say): string {
  const parts = [
    `<section class="check ${c.status}">`,
    `<h3><span class="badge ${c.status}">${escapeHtml(say(STATUS_LABEL[c.status]))}</span> ${escapeHtml(say(c.title))} <span class="id" dir="ltr">${escapeHtml(c.id)}${c.code ? ` · ${escapeHtml(c.code)}` : ''}</span></h3>`,
    `<p>${escapeHtml(say(c.summary))}</p>`,
  ];
  if (c.detail) parts.push(`<p class="detail">${escapeHtml(say(c.detail))}</p>`);
  if (c.remedy)
    parts.push(
      `<p class="remedy"><b>${escapeHtml(say(text('report.whatToDo')))}</b> ${escapeHtml(say(c.remedy))}</p>`,
    );
  parts.push('</section>');
  return parts.join('\n');
}

/**
 * Renders the report in `language` (headings, labels and every sentence of the run). Order of checks: failures first,
 * then warnings, passes and skips, each in registry order.
 */
export function renderHtmlReport(model: ReportModel, language: Language = 'en'): string {
  const say: Say = (x) => renderText(x, language);
  const rank: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };
  const checks = model.checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank[a.c.status] - rank[b.c.status] || a.i - b.i)
    .map((x) => x.c);
  const meta: Array<[Text, string]> = [
    [text('report.run.generated'), model.generatedAt],
    [
      text('report.run.evidence'),
      say(model.source === 'live' ? text('report.run.evidenceLive') : text('report.run.evidenceBundle')),
    ],
    ...(model.collectedAt
      ? ([[text('report.run.collectedAt'), model.collectedAt]] as Array<[Text, string]>)
      : []),
    ...(model.machineName
      ? ([[text('report.run.machine'), model.machineName]] as Array<[Text, string]>)
      : []),
    ...(model.platform ? ([[text('report.run.platform'), model.platform]] as Array<[Text, string]>) : []),
    [text('report.run.toolVersion'), model.toolVersion],
  ];
  const c = model.counts;
  const total = (status: CheckStatus, key: Text): string =>
    `<span class="${status}">${escapeHtml(say(key))}</span>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}" dir="${isRightToLeft(language) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">`,
    // No scripts, no outside resources: the report must open offline and cannot phone home.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(say(text('report.title')))}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(say(text('report.heading')))}</h1>`,
    `<p class="meta totals">${[
      total('fail', text('report.totals.fail', { count: c.fail })),
      total('warn', text('report.totals.warn', { count: c.warn })),
      total('pass', text('report.totals.pass', { count: c.pass })),
      total('skip', text('report.totals.skip', { count: c.skip })),
    ].join('')}</p>`,
    `<h2>${escapeHtml(say(text('report.section.run')))}</h2>`,
    `<table>${meta.map(([l, v]) => row(say(l), v)).join('')}</table>`,
    `<h2>${escapeHtml(say(text('report.section.inputs')))}</h2>`,
    model.inputs.length > 0
      ? `<table>${model.inputs.map((x) => row(say(x.label), say(x.value))).join('')}</table>`
      : `<p>${escapeHtml(say(text('report.noInputs')))}</p>`,
    ...(model.notes && model.notes.length > 0
      ? [
          `<h2>${escapeHtml(say(text('report.section.notes')))}</h2>`,
          `<ul>${model.notes.map((n) => `<li>${escapeHtml(say(n))}</li>`).join('')}</ul>`,
        ]
      : []),
    `<h2>${escapeHtml(say(text('report.section.checks')))}</h2>`,
    checks.length > 0
      ? checks.map((x) => checkCard(x, say)).join('\n')
      : `<p>${escapeHtml(say(text('report.noChecks')))}</p>`,
    '</body></html>',
    '',
  ].join('\n');
}
