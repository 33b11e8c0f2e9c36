// Client-side rules: the same bounds as the contract, each failure naming the field and a rule key.
import { describe, expect, it } from 'vitest';
import {
  parsePort,
  validateCompanyName,
  validateHost,
  validatePath,
  validateShipKey,
  validateUrl,
} from '../../renderer/store/validation';

describe('form rules', () => {
  it("wants full paths: a bare name would land in the app's working folder", () => {
    for (const ok of ['C:\\Users\\Public\\x.ps1', 'c:/x/y', '\\\\srv\\share\\x', '/tmp/x'])
      expect(validatePath('scriptPath', ok), ok).toBeNull();
    for (const bad of ['x.ps1', '.\\x.ps1', '..\\x', 'C:x.ps1', '\\x', '//'])
      expect(validatePath('scriptPath', bad), bad).toEqual({ field: 'scriptPath', rule: 'absolutePath' });
    expect(validatePath('reportPath', '  ')).toEqual({ field: 'reportPath', rule: 'required' });
    expect(validatePath('reportPath', 'C:\\r.pdf', 'htmlFile')).toEqual({
      field: 'reportPath',
      rule: 'htmlFile',
    });
    expect(validatePath('reportPath', 'C:\\r.HTM', 'htmlFile')).toBeNull();
  });

  it('accepts host names and IPs, refuses the rest', () => {
    expect(validateHost('host', 'space01.site.local')).toBeNull();
    expect(validateHost('host', '10.0.0.5')).toBeNull();
    expect(validateHost('host', 'fe80::1')).toBeNull();
    expect(validateHost('host', '')).toEqual({ field: 'host', rule: 'required' });
    expect(validateHost('host', 'bad host')).toEqual({ field: 'host', rule: 'host' });
    expect(validateHost('host', '10.0.0')).toEqual({ field: 'host', rule: 'host' });
    expect(validateHost('host', '-x.local')).toEqual({ field: 'host', rule: 'host' });
  });

  it('takes ports from 1 to 65535 only', () => {
    expect(parsePort('port', ' 8100 ')).toEqual({ port: 8100 });
    for (const bad of ['0', '65536', '81.5', 'abc', ''])
      expect(parsePort('port', bad)).toEqual({ field: 'port', rule: 'port' });
  });

  it('checks typed SHIP keys like the CLI does', () => {
    expect(validateShipKey('shipKey', 'abcd')).toBeNull();
    expect(validateShipKey('shipKey', 'abc')).toEqual({
      field: 'shipKey',
      rule: 'minLength',
      values: { min: 4 },
    });
    expect(validateShipKey('shipKey', 'ab\ncd')).toEqual({ field: 'shipKey', rule: 'oneLine' });
    expect(validateShipKey('shipKey', ' abcd')).toEqual({ field: 'shipKey', rule: 'noSpaces' });
    expect(validateShipKey('shipKey', 'clé-1234')).toEqual({ field: 'shipKey', rule: 'asciiOnly' });
    expect(validateShipKey('shipKey', 'x'.repeat(257))).toEqual({
      field: 'shipKey',
      rule: 'maxLength',
      values: { max: 256 },
    });
  });

  it('wants https for the privacy policy and no credentials in URLs', () => {
    expect(validateUrl('privacyPolicyUrl', 'https://example.com/privacy', true)).toBeNull();
    expect(validateUrl('privacyPolicyUrl', 'http://example.com/privacy', true)).toEqual({
      field: 'privacyPolicyUrl',
      rule: 'httpsUrl',
    });
    expect(validateUrl('url', 'https://user:pw@face.local', false)).toEqual({
      field: 'url',
      rule: 'noCredentials',
    });
    expect(validateUrl('url', 'ftp://face.local', false)).toEqual({ field: 'url', rule: 'url' });
    // A port out of range is said as the port, in the core's words (the URL parser refuses the whole URL).
    expect(validateUrl('privacyPolicyUrl', 'https://example.com:99999/privacy', true)).toEqual({
      field: 'privacyPolicyUrl',
      rule: 'core',
      ruleText: { key: 'rules.url.port', params: { port: '99999' } },
    });
    expect(validateCompanyName('companyName', '  ')).toEqual({ field: 'companyName', rule: 'required' });
  });
});
