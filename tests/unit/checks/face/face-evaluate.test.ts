// Pure evaluators of the XS4 Face checks: every status mapping, from evidence shaped as collect writes it.
import { describe, expect, it } from 'vitest';
import {
  evaluateFaceReachable,
  FaceReachableEvidenceSchema,
  type FaceReachableEvidence,
} from '../../../../main/core/checks/face/face-reachable';
import {
  evaluateFaceSignedIn,
  type FaceSignedInEvidence,
} from '../../../../main/core/checks/face/face-signed-in';
import {
  evaluateFaceSpaceIntegration,
  type FaceSpaceIntegrationEvidence,
} from '../../../../main/core/checks/face/face-space-integration';
import { evaluateCompanyName } from '../../../../main/core/checks/face/enrollment-company-name';
import {
  evaluatePrivacyPolicy,
  type PrivacyPolicyEvidence,
} from '../../../../main/core/checks/face/enrollment-privacy-policy';
import {
  BIOMETRIC_WORDS,
  findBiometricWords,
  normaliseForMatch,
} from '../../../../main/core/checks/face/biometric-words';
import { htmlToText } from '../../../../main/core/checks/face/html-text';
import { en } from '../../../../messages/render';

const FP = Array(32).fill('AB').join(':');
const cert = {
  subject: 'CN=xs4face.local',
  issuer: 'CN=xs4face.local',
  subjectAltNames: ['DNS:xs4face.local'],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  fingerprint256: FP,
  selfSigned: true,
  serialNumber: '01',
};
const reach = (o: Partial<FaceReachableEvidence>): FaceReachableEvidence => ({
  url: 'https://xs4face.local/',
  checkedAt: '2026-06-01T00:00:00.000Z',
  certificate: cert,
  trustedBySystem: false,
  systemProblem: 'TLS_UNTRUSTED',
  tlsProtocol: 'TLSv1.3',
  pinnedFingerprint256: null,
  error: null,
  ...o,
});

describe('face.reachable', () => {
  it('maps trust facts to verdicts', () => {
    expect(evaluateFaceReachable(reach({})).status).toBe('warn');
    expect(evaluateFaceReachable(reach({})).code).toBe('FACE_TLS_UNTRUSTED');
    expect(
      evaluateFaceReachable(reach({ pinnedFingerprint256: FP.replace(/:/g, '').toLowerCase() })).status,
    ).toBe('pass');
    const mm = evaluateFaceReachable(reach({ pinnedFingerprint256: 'CD'.repeat(32) }));
    expect(mm.code).toBe('FACE_TLS_PIN_MISMATCH');
    expect(en(mm.detail!)).toContain(FP);
    expect(evaluateFaceReachable(reach({ trustedBySystem: true, systemProblem: null })).status).toBe('pass');
    expect(
      evaluateFaceReachable(reach({ checkedAt: '2028-01-01T00:00:00.000Z', pinnedFingerprint256: FP })).code,
    ).toBe('FACE_TLS_EXPIRED');
    const down = evaluateFaceReachable(
      reach({
        certificate: null,
        error: { code: 'FACE_UNREACHABLE_REFUSED', message: 'refused', remedy: 'start it' },
      }),
    );
    expect(down).toMatchObject({ status: 'fail', code: 'FACE_UNREACHABLE_REFUSED' });
    expect(evaluateFaceReachable(reach({ certificate: null })).status).toBe('fail');
  });

  it('evidence schema refuses a tampered bundle', () => {
    expect(FaceReachableEvidenceSchema.safeParse({ ...reach({}), certificate: { subject: 1 } }).success).toBe(
      false,
    );
  });
});

describe('face.signed-in', () => {
  const base: FaceSignedInEvidence = {
    user: 'tech@example.com',
    apiVersion: '1',
    servers: [{ siteId: 's', siteName: 'Site', serverId: 'v', serverName: 'VM', online: true }],
    selected: { siteId: 's', serverId: 'v' },
    selectionError: null,
    error: null,
  };
  it('maps sign-in facts', () => {
    expect(evaluateFaceSignedIn(base).status).toBe('pass');
    expect(
      evaluateFaceSignedIn({
        ...base,
        error: { code: 'FACE_UNAUTHORIZED', message: 'no', remedy: 'sign in' },
      }),
    ).toMatchObject({ status: 'fail', code: 'FACE_UNAUTHORIZED' });
    expect(evaluateFaceSignedIn({ ...base, servers: [{ ...base.servers[0]!, online: false }] }).code).toBe(
      'FACE_SERVER_OFFLINE',
    );
    expect(evaluateFaceSignedIn({ ...base, apiVersion: '2' }).code).toBe('FACE_API_VERSION');
    expect(
      evaluateFaceSignedIn({
        ...base,
        selected: null,
        selectionError: { code: 'FACE_SERVER_NOT_SELECTED', message: 'choose', remedy: 'A; B' },
      }).code,
    ).toBe('FACE_SERVER_NOT_SELECTED');
  });
});

describe('face.space-integration', () => {
  const base: FaceSpaceIntegrationEvidence = {
    added: true,
    status: 'connected',
    lastError: null,
    lastCheckedAt: '2026-06-01T00:00:00.000Z',
    host: 'space.local',
    port: 8100,
    https: true,
    shipApiKeySet: true,
    shipApiKeyFingerprint: 'aaaaaaaa',
    expectedShipApiKeyFingerprint: null,
    error: null,
  };
  it('connected → pass', () => expect(evaluateFaceSpaceIntegration(base).status).toBe('pass'));
  it('unauthorized → fail pointing at the SHIP tab, comparing fingerprints when known', () => {
    const r = evaluateFaceSpaceIntegration({
      ...base,
      status: 'unauthorized',
      expectedShipApiKeyFingerprint: 'bbbbbbbb',
    });
    expect(r).toMatchObject({ status: 'fail', code: 'FACE_SPACE_UNAUTHORIZED' });
    expect(en(r.remedy!)).toMatch(/SHIP API key in XS4 Face.*SHIP tab/);
    expect(en(r.detail!)).toContain('bbbbbbbb');
    expect(
      en(
        evaluateFaceSpaceIntegration({
          ...base,
          status: 'unauthorized',
          expectedShipApiKeyFingerprint: 'aaaaaaaa',
        }).detail!,
      ),
    ).toMatch(/Space holds a different one/);
  });
  it("disconnected → fail with causes and the server's error", () => {
    const r = evaluateFaceSpaceIntegration({
      ...base,
      status: 'disconnected',
      lastError: 'Nothing accepts connections on space.local:8100.',
    });
    expect(r.code).toBe('FACE_SPACE_DISCONNECTED');
    expect(en(r.detail!)).toMatch(/firewall/);
    expect(en(r.detail!)).toContain('Nothing accepts connections');
  });
  it('unconfigured → fail "configure it"; not added → fail; unreadable → fail, never pass', () => {
    expect(
      en(evaluateFaceSpaceIntegration({ ...base, status: 'unconfigured', shipApiKeySet: false }).remedy!),
    ).toMatch(/^Configure it/);
    expect(evaluateFaceSpaceIntegration({ ...base, added: false, status: null }).code).toBe(
      'FACE_SPACE_NOT_ADDED',
    );
    expect(evaluateFaceSpaceIntegration({ ...base, status: null }).status).toBe('fail');
    expect(
      evaluateFaceSpaceIntegration({ ...base, error: { code: 'FACE_TIMEOUT', message: 't', remedy: 'r' } })
        .code,
    ).toBe('FACE_TIMEOUT');
  });
});

describe('enrollment.company-name', () => {
  it('empty fails, placeholder warns, a name passes', () => {
    expect(evaluateCompanyName({ companyName: '  ', error: null }).code).toBe('ENROLLMENT_COMPANY_EMPTY');
    expect(evaluateCompanyName({ companyName: 'Test', error: null }).status).toBe('warn');
    expect(evaluateCompanyName({ companyName: 'Acme Doors SL', error: null }).status).toBe('pass');
    expect(
      evaluateCompanyName({
        companyName: null,
        error: { code: 'FACE_BAD_RESPONSE', message: 'm', remedy: 'r' },
      }).status,
    ).toBe('fail');
  });
});

describe('enrollment.privacy-policy', () => {
  const ok: PrivacyPolicyEvidence = {
    url: 'https://acme.example/privacy',
    fetched: [{ url: 'https://acme.example/privacy', httpStatus: 200 }],
    contentType: 'text/html; charset=utf-8',
    text: 'We process biometric data (face templates) to open doors.',
    error: null,
  };
  it('passes when biometric data is mentioned, in each language', () => {
    expect(evaluatePrivacyPolicy(ok).status).toBe('pass');
    for (const text of [
      'Nous traitons des données biométriques.',
      'Wir verarbeiten biometrische Daten.',
      'Wij verwerken biometrische gegevens.',
      'Tratamos datos biométricos.',
      'Uso de RECONOCIMIENTO FACIAL.',
    ]) {
      expect(evaluatePrivacyPolicy({ ...ok, text }).status).toBe('pass');
    }
  });
  it('flags a policy that does not mention it, a missing link, http, error pages and PDFs', () => {
    expect(evaluatePrivacyPolicy({ ...ok, text: 'We use cookies to improve the website.' }).code).toBe(
      'ENROLLMENT_POLICY_NO_BIOMETRIC',
    );
    expect(evaluatePrivacyPolicy({ ...ok, url: '', fetched: [] }).code).toBe('ENROLLMENT_POLICY_MISSING');
    expect(evaluatePrivacyPolicy({ ...ok, url: 'http://acme.example/p', fetched: [] }).code).toBe(
      'ENROLLMENT_POLICY_NOT_HTTPS',
    );
    expect(evaluatePrivacyPolicy({ ...ok, fetched: [{ url: ok.url!, httpStatus: 404 }] }).code).toBe(
      'ENROLLMENT_POLICY_HTTP',
    );
    expect(evaluatePrivacyPolicy({ ...ok, contentType: 'application/pdf', text: '' }).status).toBe('warn');
    expect(
      evaluatePrivacyPolicy({
        ...ok,
        fetched: [],
        text: '',
        error: { code: 'NET_DNS', message: 'dns', remedy: 'r' },
      }).code,
    ).toBe('NET_DNS');
  });
  it('knows biometric wording in Arabic too, however it is vowelled, and says which language matched', () => {
    for (const text of [
      'نعالج البيانات البيومترية لفتح الأبواب.',
      'نَستخدمُ تقنيةَ التعرُّفِ على الوجهِ وبصمةَ الوجه.',
      'تُخزَّن القياسات الحيوية لمدة محدودة.',
    ]) {
      const r = evaluatePrivacyPolicy({ ...ok, text });
      expect(r.status, text).toBe('pass');
      expect(en(r.detail!)).toContain('(ar)');
    }
    expect(evaluatePrivacyPolicy({ ...ok, text: 'نستخدم ملفات تعريف الارتباط فقط.' }).code).toBe(
      'ENROLLMENT_POLICY_NO_BIOMETRIC',
    );
  });
  it('lists its words in the form they are matched in (no accents, vowel signs or hamza marks)', () => {
    for (const [lang, words] of Object.entries(BIOMETRIC_WORDS))
      for (const word of words) expect(normaliseForMatch(word), `${lang}: ${word}`).toBe(word);
    expect(Object.keys(BIOMETRIC_WORDS)).toEqual(['en', 'fr', 'de', 'nl', 'es', 'ar']);
  });
  it('word matching ignores case and accents; HTML is reduced to text without scripts', () => {
    expect(findBiometricWords('BIOMÉTRIQUE').map((h) => h.lang)).toContain('fr');
    expect(findBiometricWords('cookies only')).toEqual([]);
    expect(
      htmlToText(
        '<html><script>var biometric=1</script><p>Hello&nbsp;&amp;&#x41;<b>x</b></p>\u001b[31m',
        100,
      ),
    ).toBe('Hello &A x [31m');
    expect(htmlToText('biom&eacute;trique, &Uuml;bersicht, espa&ntilde;a, fran&ccedil;ais &#233;', 100)).toBe(
      'biométrique, Übersicht, españa, français é',
    );
    expect(htmlToText('<p>' + 'a '.repeat(50_000) + '</p>', 1000).length).toBe(1000);
  });
});
