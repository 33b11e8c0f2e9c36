// Check enrollment.privacy-policy: the linked policy answers over HTTPS and its text mentions biometric data (en/fr/de/nl/es/ar).
import { z } from 'zod';
import { text } from '../../../../contract/text';
import { andList } from '../../../../messages/joins';
import type { Check, CheckResult } from '../types';
import { httpRequest } from '../../net/https-client';
import { decodeBody } from '../../net/charset';
import {
  AttemptErrorSchema,
  attemptError,
  attemptWords,
  faceClientFor,
  targetFor,
} from './face-check-context';
import { BIOMETRIC_LANGUAGES, findBiometricWords } from './biometric-words';
import { htmlToText } from './html-text';
import { ownDeadlineMs } from '../budget';

/** Policy pages are small; the text kept as evidence is capped so bundles stay readable. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
export const MAX_POLICY_TEXT_CHARS = 20_000;
const MAX_REDIRECTS = 3;

export const PrivacyPolicyEvidenceSchema = z.object({
  url: z.string().nullable(),
  /** Each hop followed, the first being the configured URL. */
  fetched: z.array(z.object({ url: z.string(), httpStatus: z.number() })),
  contentType: z.string().nullable(),
  /** The page as plain text, capped at MAX_POLICY_TEXT_CHARS. */
  text: z.string().max(MAX_POLICY_TEXT_CHARS),
  error: AttemptErrorSchema.nullable(),
});
export type PrivacyPolicyEvidence = z.infer<typeof PrivacyPolicyEvidenceSchema>;

export function evaluatePrivacyPolicy(e: PrivacyPolicyEvidence): CheckResult {
  const url = e.url ?? '';
  if (url === '' && !e.error)
    return {
      status: 'fail',
      code: 'ENROLLMENT_POLICY_MISSING',
      summary: text('checks.enrollment.privacy-policy.missing.summary'),
      remedy: text('checks.enrollment.privacy-policy.missing.remedy'),
    };
  if (e.error) {
    const words = attemptWords(e.error);
    return {
      status: 'fail',
      code: e.error.code,
      summary: url
        ? text('checks.enrollment.privacy-policy.unreadable.summary', { url })
        : text('checks.enrollment.privacy-policy.settingsUnreadable.summary'),
      detail: words.message,
      remedy: words.remedy,
    };
  }
  if (!url.toLowerCase().startsWith('https://'))
    return {
      status: 'fail',
      code: 'ENROLLMENT_POLICY_NOT_HTTPS',
      summary: text('checks.enrollment.privacy-policy.notHttps.summary'),
      detail: url,
      remedy: text('checks.enrollment.privacy-policy.notHttps.remedy'),
    };
  const last = e.fetched.at(-1);
  if (!last)
    return {
      status: 'fail',
      code: 'FACE_NO_EVIDENCE',
      summary: text('checks.enrollment.privacy-policy.notFetched.summary'),
      remedy: text('checks.enrollment.privacy-policy.notFetched.remedy'),
    };
  if (last.httpStatus !== 200)
    return {
      status: 'fail',
      code: 'ENROLLMENT_POLICY_HTTP',
      summary: text('checks.enrollment.privacy-policy.http.summary', { status: last.httpStatus }),
      detail: last.url,
      remedy: text('checks.enrollment.privacy-policy.http.remedy'),
    };
  const ct = (e.contentType ?? '').toLowerCase();
  if (!ct.startsWith('text/html') && !ct.startsWith('text/plain') && !ct.startsWith('application/xhtml')) {
    return {
      status: 'warn',
      code: 'ENROLLMENT_POLICY_UNREADABLE',
      summary: ct
        ? text('checks.enrollment.privacy-policy.otherType.summary', { type: ct })
        : text('checks.enrollment.privacy-policy.unknownType.summary'),
      remedy: text('checks.enrollment.privacy-policy.otherType.remedy'),
    };
  }
  const hits = findBiometricWords(e.text);
  if (hits.length === 0) {
    return {
      status: 'fail',
      code: 'ENROLLMENT_POLICY_NO_BIOMETRIC',
      summary: text('checks.enrollment.privacy-policy.noBiometric.summary'),
      detail: text('checks.enrollment.privacy-policy.noBiometric.detail', {
        languages: BIOMETRIC_LANGUAGES.join(', '),
        count: e.text.length,
        url: last.url,
      }),
      remedy: text('checks.enrollment.privacy-policy.noBiometric.remedy'),
    };
  }
  const seen = new Set<string>();
  const words = hits
    .filter((h) => !seen.has(`${h.lang}:${h.word}`) && seen.add(`${h.lang}:${h.word}`))
    .slice(0, 6)
    .map((h) => text('checks.enrollment.privacy-policy.word', { word: h.word, lang: h.lang }));
  return {
    status: 'pass',
    summary: text('checks.enrollment.privacy-policy.biometric.summary'),
    detail: text('checks.enrollment.privacy-policy.biometric.detail', { words: andList(words) }),
  };
}

async function fetchPolicy(
  url: string,
  extraCa: string[] | undefined,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Omit<PrivacyPolicyEvidence, 'url' | 'error'>> {
  const fetched: PrivacyPolicyEvidence['fetched'] = [];
  let current = url;
  // One deadline for the whole fetch: each redirect gets only what the previous hops left.
  const deadline = Date.now() + timeoutMs;
  for (let hop = 0; ; hop++) {
    // The origin is validated as a service URL; path and query go verbatim (a trailing slash must not be added).
    const u = new URL(current);
    const res = await httpRequest({
      url: `${u.protocol}//${u.host}/`,
      path: `${u.pathname.slice(1)}${u.search}`,
      timeoutMs: Math.max(1, deadline - Date.now()),
      maxBodyBytes: MAX_PAGE_BYTES,
      trust: { extraCa },
      signal,
      headers: { Accept: 'text/html, text/plain;q=0.9, */*;q=0.5' },
    });
    fetched.push({ url: current, httpStatus: res.status });
    const loc = res.headers.location;
    if (res.status >= 300 && res.status < 400 && typeof loc === 'string' && hop < MAX_REDIRECTS) {
      const next = new URL(loc, current);
      if (next.protocol !== 'https:')
        return {
          fetched: [...fetched, { url: next.toString(), httpStatus: 0 }],
          contentType: null,
          text: '',
        };
      current = next.toString();
      continue;
    }
    const ct = String(res.headers['content-type'] ?? '');
    const plain = ct.toLowerCase().startsWith('text/plain');
    // By the charset the page declares (Content-Type, BOM, <meta charset>); undeclared non-UTF-8 is a finding.
    const body = decodeBody(res.body, ct, plain ? 'text' : 'html').text;
    const text = plain
      ? htmlToText(body.replace(/</g, ' '), MAX_POLICY_TEXT_CHARS)
      : htmlToText(body, MAX_POLICY_TEXT_CHARS);
    return { fetched, contentType: ct.slice(0, 200) || null, text };
  }
}

/** The evidence for the policy at `url`, whether XS4 Face links it yet or not (the wizard checks before it saves). */
export async function collectPolicyAt(
  url: string,
  extraCa: string[] | undefined,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PrivacyPolicyEvidence> {
  if (url === '' || !url.toLowerCase().startsWith('https://'))
    return { url, fetched: [], contentType: null, text: '', error: null };
  try {
    return { url, ...(await fetchPolicy(url, extraCa, timeoutMs, signal)), error: null };
  } catch (e) {
    return { url, fetched: [], contentType: null, text: '', error: attemptError(e) };
  }
}

export const enrollmentPrivacyPolicyCheck: Check<PrivacyPolicyEvidence> = {
  id: 'enrollment.privacy-policy',
  title: text('checks.enrollment.privacy-policy.title'),
  dependsOn: ['face.signed-in'],
  startWithDependencies: true,
  evidenceSchema: PrivacyPolicyEvidenceSchema,
  async collect(ctx) {
    const client = faceClientFor(ctx);
    let url: string;
    try {
      url = (await client.getEnrollment(await targetFor(ctx, client))).privacyPolicyUrl.trim();
    } catch (e) {
      return { url: null, fetched: [], contentType: null, text: '', error: attemptError(e) };
    }
    return collectPolicyAt(url, ctx.inputs.extraCa, ownDeadlineMs(ctx.timeoutMs), ctx.signal);
  },
  evaluate: evaluatePrivacyPolicy,
};
