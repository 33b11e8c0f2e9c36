// The one rule for a path the technician gives the app: absolute, so nothing lands in the app's working folder.
// Zod-free and Node-free: the page checks it before a call, the contract's schemas check it again.

/** The rule's text where the field is named ("Report file: must be …"). */
export const ABSOLUTE_PATH_RULE = 'must be a full path (a drive letter or a network share at the start)';

/**
 * `C:\…` or `C:/…`; `\\server\share…` (and `\\?\…`); `/…` for the development and test machines off Windows.
 * A bare name, `.\x`, `..\x` or `C:x` (relative to that drive's current folder) is not absolute.
 */
export function isAbsolutePath(path: string): boolean {
  const p = path.trim();
  return /^[A-Za-z]:[\\/]/.test(p) || /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.test(p) || /^\/(?![\\/])/.test(p);
}
