// powercfg parsers and the power evaluators on real-format output (English, German, French, Russian, Portuguese) and on damaged output.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parsePowercfgQuery, parseSleepStates, POWER_GUIDS } from '../../../main/core/windows/powercfg';
import { evaluatePowerSleep } from '../../../main/core/checks/windows/power-sleep-evaluate';
import { evaluatePowerStatesText } from '../../../main/core/checks/windows/power-states';
import { en as english } from '../../../messages/render';

/** A saved `powercfg /query SCHEME_CURRENT SUB_SLEEP` evaluated as the check does. */
const evaluatePowerSleepText = (querySubSleep: string) =>
  evaluatePowerSleep({ kind: 'collected', querySubSleep });

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const en = fixture('powercfg-sub-sleep.en-US.txt');
const de = fixture('powercfg-sub-sleep.de-DE.txt');
const states = fixture('powercfg-a.en-US.txt');

/** The English sample with both sleep values set to never. */
const enNever = en.replace(
  'Current AC Power Setting Index: 0x00002a30',
  'Current AC Power Setting Index: 0x00000000',
);

describe('parsePowercfgQuery', () => {
  it('reads the English sample (CRLF) by GUID and hex', () => {
    expect(en).toContain('\r\n');
    const q = parsePowercfgQuery(en);
    expect(q.schemeGuid).toBe('381b4222-f694-41f0-9685-ff5bb260df2e');
    expect(q.subgroupGuid).toBe(POWER_GUIDS.SUB_SLEEP);
    expect(q.settings[POWER_GUIDS.STANDBYIDLE]).toEqual({ ac: 0, dc: 0x708 });
    expect(q.settings[POWER_GUIDS.HYBRIDSLEEP]).toEqual({ ac: 1, dc: 1 });
    expect(q.settings[POWER_GUIDS.HIBERNATEIDLE]).toEqual({ ac: 0x2a30, dc: 0x2a30 });
  });

  it('reads the German sample the same way (labels are never used)', () => {
    const q = parsePowercfgQuery(de);
    expect(q.schemeGuid).toBe('381b4222-f694-41f0-9685-ff5bb260df2e');
    expect(q.settings[POWER_GUIDS.STANDBYIDLE]).toEqual({ ac: 1200, dc: 900 });
  });

  it.each([
    [
      'fr-FR (no alias lines, a space before each colon)',
      'powercfg-sub-sleep.fr-FR.txt',
      { ac: 0x384, dc: 0xf0 },
      { ac: 0, dc: 0 },
      { ac: 0, dc: 0x2a30 },
    ],
    ['ru-RU', 'powercfg-sub-sleep.ru-RU.txt', { ac: 0, dc: 0x384 }, { ac: 1, dc: 1 }, { ac: 0, dc: 0x2a30 }],
    [
      'pt-BR',
      'powercfg-sub-sleep.pt-BR.txt',
      { ac: 0, dc: 0x708 },
      { ac: 1, dc: 1 },
      { ac: 0x2a30, dc: 0x2a30 },
    ],
  ])('reads the %s sample the same way', (_lang, file, standby, hybrid, hibernate) => {
    const q = parsePowercfgQuery(fixture(file));
    expect(q.schemeGuid).toBe('381b4222-f694-41f0-9685-ff5bb260df2e');
    expect(q.subgroupGuid).toBe(POWER_GUIDS.SUB_SLEEP);
    expect(q.settings[POWER_GUIDS.STANDBYIDLE]).toEqual(standby);
    expect(q.settings[POWER_GUIDS.HYBRIDSLEEP]).toEqual(hybrid);
    expect(q.settings[POWER_GUIDS.HIBERNATEIDLE]).toEqual(hibernate);
  });

  it('gives the same result for LF line ends and upper-case GUIDs and hex', () => {
    const variant = en
      .replace(/\r\n/g, '\n')
      .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (g) => g.toUpperCase())
      .replace(/0x[0-9a-f]+/g, (h) => `0x${h.slice(2).toUpperCase()}`);
    expect(parsePowercfgQuery(variant)).toEqual(parsePowercfgQuery(en));
  });

  it('reads labels in any language: replacing every label with nonsense changes nothing', () => {
    const scrambled = en
      .split('\r\n')
      .map((l) => l.replace(/^(\s*)[^:]*:/, '$1Xyzzy Qwerty:').replace(/\(([^)]*)\)/, '(Ωμέγα)'))
      .join('\r\n');
    expect(parsePowercfgQuery(scrambled)).toEqual(parsePowercfgQuery(en));
  });

  it('keeps AC when the DC line is missing, and DC is unknown', () => {
    const noDc = en.replace('    Current DC Power Setting Index: 0x00000708\r\n', '');
    expect(parsePowercfgQuery(noDc).settings[POWER_GUIDS.STANDBYIDLE]).toEqual({ ac: 0, dc: null });
  });

  it('does not take the range metadata (deeper lines) for the current values', () => {
    const truncated = en.slice(0, en.indexOf('    Current AC Power Setting Index: 0x00000000'));
    expect(parsePowercfgQuery(truncated).settings[POWER_GUIDS.STANDBYIDLE]).toEqual({ ac: null, dc: null });
  });
});

describe('evaluatePowerSleep', () => {
  it('English sample: sleep never, hibernate after 3 h → fail POWER_HIBERNATE_ENABLED', () => {
    const r = evaluatePowerSleepText(en);
    expect(r.status).toBe('fail');
    expect(r.code).toBe('POWER_HIBERNATE_ENABLED');
    expect(english(r.summary)).toContain('3 h');
  });

  it('German sample: sleep after 20 min → fail POWER_SLEEP_ENABLED, hibernate not readable is mentioned', () => {
    const r = evaluatePowerSleepText(de);
    expect(r.code).toBe('POWER_SLEEP_ENABLED');
    expect(english(r.summary)).toContain('20 min');
    expect(english(r.detail ?? '')).toContain('Could not read the hibernate setting');
  });

  it('passes when both AC values are 0', () => {
    const r = evaluatePowerSleepText(enNever);
    expect(r).toMatchObject({ status: 'pass', code: 'POWER_SLEEP_NEVER' });
  });

  it('reports unattended sleep from its own query', () => {
    const unattended =
      'Power Scheme GUID: 381b4222-f694-41f0-9685-ff5bb260df2e  (Balanced)\r\n  Subgroup GUID: 238c9fa8-0aad-41ed-83f4-97be242c8f20  (Sleep)\r\n    Power Setting GUID: 7BC4A2F9-D8FC-4469-B07B-33EB785AACA0  (System unattended sleep timeout)\r\n      Minimum Possible Setting: 0x00000000\r\n    Current AC Power Setting Index: 0x00000078\r\n    Current DC Power Setting Index: 0x00000078\r\n';
    const r = evaluatePowerSleep({ kind: 'collected', querySubSleep: enNever, unattendedQuery: unattended });
    expect(r.status).toBe('pass');
    expect(english(r.detail ?? '')).toContain('Unattended sleep timeout on AC: 120 s');
  });

  it('flags a Group Policy override even when local values are fine', () => {
    const r = evaluatePowerSleep({
      kind: 'collected',
      querySubSleep: enNever,
      policyOverrides: [{ setting: '{29F6C1DB-86DA-48C5-9FDB-F2B67B1F44DA}', acValue: 900, dcValue: null }],
    });
    expect(r).toMatchObject({ status: 'fail', code: 'POWER_POLICY_OVERRIDE' });
    expect(english(r.detail ?? '')).toContain('AC=900');
  });

  it('flags a power scheme forced by policy', () => {
    const r = evaluatePowerSleep({
      kind: 'collected',
      querySubSleep: enNever,
      policyScheme: '381b4222-f694-41f0-9685-ff5bb260df2e',
      policyOverrides: [],
    });
    expect(r.code).toBe('POWER_POLICY_OVERRIDE');
  });

  it.each([
    ['empty', ''],
    ['garbage', 'The quick brown fox\r\n0x00000000\r\n'],
    ['an error message', 'Invalid Parameters -- try "/?" for help'],
    ['truncated before the values', en.slice(0, 400)],
  ])('never passes on %s output: POWER_UNREADABLE', (_name, text) => {
    const r = evaluatePowerSleepText(text);
    expect(r.status).toBe('fail');
    expect(r.code).toBe('POWER_UNREADABLE');
  });

  it('warns "could not read" when only hibernate is missing', () => {
    const onlySleep = enNever.slice(0, enNever.indexOf('    Power Setting GUID: 94ac6d29'));
    expect(evaluatePowerSleepText(onlySleep)).toMatchObject({
      status: 'warn',
      code: 'POWER_HIBERNATE_UNREADABLE',
    });
  });

  it('skips off Windows with the reason', () => {
    const r = evaluatePowerSleep({ kind: 'unavailable', reason: 'not-windows', platform: 'linux' });
    expect(r).toMatchObject({ status: 'skip', code: 'WINDOWS_ONLY' });
    expect(english(r.detail ?? '')).toBe('This check reads Windows settings; this machine runs linux.');
  });

  it('still names the platform of evidence recorded before the reason became a code', () => {
    const r = evaluatePowerSleep({
      kind: 'unavailable',
      reason: 'This check reads Windows settings; this machine runs darwin.',
    });
    expect(english(r.detail ?? '')).toBe('This check reads Windows settings; this machine runs darwin.');
  });
});

describe('powercfg /a (information only)', () => {
  it('lists available and unavailable states of the real sample', () => {
    const r = parseSleepStates(states);
    expect(r?.available).toEqual(['Standby (S0 Low Power Idle) Network Disconnected', 'Hibernate']);
    expect(r?.unavailable).toEqual([
      'Standby (S1) — The system firmware does not support this standby state.',
    ]);
    const v = evaluatePowerStatesText(states);
    expect(v).toMatchObject({ status: 'pass', code: 'POWER_STATES_INFO' });
    expect(english(v.summary)).toContain('Hibernate');
  });

  it.each([
    ['empty', ''],
    ['garbage', '\u0000\u0001 binary'],
    ['only indented lines', '    Standby (S3)\r\n'],
  ])('skips, never fails, on %s', (_n, text) => {
    expect(evaluatePowerStatesText(text)).toMatchObject({ status: 'skip', code: 'POWER_STATES_UNREADABLE' });
  });
});
