// The HTML report: every value escaped, no scripts or outside resources, print styles, failures first.
import { describe, expect, it } from 'vitest';
import { renderHtmlReport, type ReportModel } from '../../../main/core/report/html-report';
import { text } from '../../../contract/text';

const hostile = '<img src=x onerror=alert(1)>"\'&\u001b[31m';

const model: ReportModel = {
  generatedAt: '2026-11-29T12:00:00.000Z',
  toolVersion: '0.1.0',
  source: 'evidence',
  machineName: hostile,
  inputs: [{ label: text('report.input.shipKeyFingerprint'), value: 'sha256:0123abcd' }],
  counts: { pass: 1, warn: 0, fail: 1, skip: 0 },
  checks: [
    { id: 'a.ok', title: 'First', status: 'pass', summary: 'fine' },
    {
      id: 'b.bad',
      title: `Bad ${hostile}`,
      status: 'fail',
      summary: hostile,
      detail: hostile,
      remedy: hostile,
      code: 'X_BAD',
    },
  ],
};

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(model);
  it('escapes every value and drops control characters', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('\u001b');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;[31m');
  });
  it('is self-contained and printable', () => {
    expect(html).not.toMatch(/<script|<link|src=["']?http|url\(/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@media print');
  });
  it('shows failures before passes, with remedy, code and inputs', () => {
    expect(html.indexOf('b.bad')).toBeLessThan(html.indexOf('a.ok'));
    expect(html).toContain('What to do:');
    expect(html).toContain('X_BAD');
    expect(html).toContain('sha256:0123abcd');
  });
});

describe('renderHtmlReport in another language', () => {
  const withNote: ReportModel = { ...model, notes: [text('report.note.noManifest')] };

  it('writes every heading and label in the language asked for', () => {
    const es = renderHtmlReport(withNote, 'es');
    expect(es).toContain('<html lang="es" dir="ltr">');
    for (const words of [
      'Informe de comprobación XS4 Face ⇄ Salto Space',
      'Ejecución',
      'Datos de entrada',
      'Clave API de SHIP (huella)',
      'leídas de un paquete de evidencias',
      'Sin manifest.json',
      'Qué hacer:',
      '1 con error',
      '0 avisos',
      'CORRECTO',
    ])
      expect(es).toContain(words);
    for (const english of ['What to do:', 'Report generated', 'Inputs', 'warnings', 'PASS'])
      expect(es).not.toContain(english);
  });

  it('is right to left in Arabic, with its plural-free totals', () => {
    const ar = renderHtmlReport(withNote, 'ar');
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('تقرير التحقق XS4 Face ⇄ Salto Space');
    expect(ar).toContain('فاشلة: 1');
    // The layout mirrors: the CSS uses logical sides only.
    expect(ar).not.toMatch(/(margin|border|padding)-(left|right)|text-align:(left|right)/);
  });

  it('keeps English, and English plurals, by default', () => {
    const en = renderHtmlReport({ ...model, counts: { pass: 1, warn: 1, fail: 2, skip: 0 } });
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(en).toContain('2 failed');
    expect(en).toContain('1 warning<');
  });
});
