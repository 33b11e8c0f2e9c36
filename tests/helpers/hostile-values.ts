// Hostile values for the injection proofs (structural in tests/unit, executed in tests/powershell): quotes of every kind,
// subexpressions, backticks, separators, line ends, NUL, very long, non-BMP, dash-prefixed, wildcard brackets, …
import fc from 'fast-check';

export const CURATED: string[] = [
  "'",
  '"',
  "''",
  '""',
  '`',
  '`n',
  '$()',
  '$(calc.exe)',
  '$(Remove-Item -Recurse C:\\)',
  '${env:PATH}',
  '$env:USERPROFILE',
  '@(1)',
  '@{a=1}',
  '; calc.exe',
  '& calc.exe',
  '| Out-File x',
  '&& whoami',
  '|| whoami',
  '\n',
  '\r\n',
  '\r',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u0000',
  'a\u0000b',
  '\u2018',
  '\u2019',
  '\u201a',
  '\u201b',
  '\u201c',
  '\u201d',
  '\u201e',
  '\u2013',
  '\u2014',
  '\u2015',
  '\ufeff',
  "x' + (calc) + '",
  "'; exit 0; '",
  '\u2018; calc; \u2019',
  '\u201c$(calc)\u201d',
  '"); Start-Process calc; ("',
  "@'\ncalc\n'@",
  '@"\n$(calc)\n"@',
  '#',
  '<#',
  '#>',
  '<# #> calc',
  '{',
  '}',
  '})',
  "')",
  '-EncodedCommand',
  '--%',
  '%SystemRoot%',
  '\\\\server\\share',
  'C:\\Program Files\\Salto\\x.ps1',
  '`$(calc)',
  "'`'",
  'a'.repeat(300),
  "'".repeat(300),
  '\u2019'.repeat(300),
  '$('.repeat(100),
  '\u{1F600}',
  '\ud800',
  'Ω ß ü 中文 العربية',
  ' ',
  '',
  'e30=',
  "'e30='",
  'AAAA',
  'Zm9v+/==',
];

/** Long values for the session path (no command-line limit there). */
export const LONG: string[] = [
  'a'.repeat(20_000),
  "'".repeat(20_000),
  '$(calc)'.repeat(3_000),
  '\u0000'.repeat(5_000),
];

export const SPECIAL = [
  "'",
  '"',
  '`',
  '$',
  '(',
  ')',
  ';',
  '\n',
  '\r',
  '\u0000',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '{',
  '}',
  '@',
  '#',
  '|',
  '&',
  '-',
  '\u2013',
  'a',
  ' ',
  '\\',
];
export const hostileArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 60 }),
);

/** Values seen by the executed proof: curated, long, and a fixed-seed sample of the generator (deterministic, no flakiness). */
export function executedHostileValues(generated = 150): string[] {
  const sample = fc.sample(hostileArb, { seed: 20261129, numRuns: generated });
  return [
    ...new Set([...CURATED, '[a-z]*', '[!x]', '*?', '-Name', '--%', '-', '-Verb RunAs', ...LONG, ...sample]),
  ];
}

/**
 * A value that tries to create `canary` in one of the ways a value could break out of PowerShell text: closing a quote
 * of each kind (typographic ones too: PowerShell treats them as quotes), a subexpression, a line end, a pipe, a backtick.
 */
export function withCanary(base: string, canary: string, i: number): string {
  const create = `New-Item -ItemType File -Force -Path '${canary}'`;
  const forms = [
    `${base}'; ${create}; '`,
    `${base}$(${create})`,
    `${base}"; ${create.replace(/'/g, '"')}; "`,
    `${base}\u2019; ${create}; \u2018`,
    `${base}\u201d; $(${create}); \u201c`,
    `${base}\r\n${create}\r\n`,
    `${base}\n${create}`,
    `${base}| ${create}`,
    `${base}\`; ${create}`,
    `${base}'); ${create}; ('`,
    `${base}"@\n${create}\n@"`,
    `${base}'@\n${create}\n@'`,
  ];
  return forms[i % forms.length] ?? base;
}
