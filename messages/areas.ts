// The area files of each language's catalog, in the order they are merged (keys are unique across areas).
export const AREAS = [
  'errors-auth',
  'errors-face',
  'errors-net',
  'errors-space',
  'errors-windows',
  'errors-core',
  'input',
  'checks-common',
  'checks-windows',
  'checks-space',
  'checks-face',
  'setup',
  'report',
  'cli',
] as const;

export type Area = (typeof AREAS)[number];
