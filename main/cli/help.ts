// The usage text of xs4-setup (kept in step with docs/cli.md).
export const HELP = `xs4-setup — checks and sets up the XS4 Face ⇄ Salto Space integration

Usage:
  xs4-setup login [--region R] [--device-code] [--face-url URL] [--timeout-ms N]
  xs4-setup logout
  xs4-setup doctor [--face-url URL] [--space-url URL] [--ship-key-file F | --ship-key-stdin]
                   [--face-token-file F | --face-token-stdin] [--face-site S --face-server V]
                   [--face-fingerprint FP] [--space-fingerprint FP]
                   [--timeout-ms N] [--json]
  xs4-setup doctor --evidence DIR [--json]
  xs4-setup collect --out DIR [same server flags as doctor]
  xs4-setup report --evidence DIR --out FILE.html
  xs4-setup history [--json]
  xs4-setup setup --profile FILE.json [--face-token-file F | --face-token-stdin] [--ship-key-file F | --ship-key-stdin]
                  [--replace-ship-key] [--face-site S] [--face-server V] [--install-script FILE.ps1] [--apply-fixes]
                  [--save-failing-policy] [--verify-timeout-ms N] [--pending-timeout-ms N]
  xs4-setup export-profile --out FILE.json [--face-token-file F | --face-token-stdin]
  xs4-setup help | --help | --version

Sign-in: after "xs4-setup login" the other commands use the saved sign-in for the server it was made for;
a token from --face-token-file, --face-token-stdin or XS4_FACE_TOKEN is used instead when given.
Secrets are never taken on the command line: use a file, stdin, or XS4_SHIP_KEY / XS4_FACE_TOKEN.
Exit codes: 0 nothing failed, 1 a check failed, 2 usage or configuration error (doctor: also a pinned certificate
that changed, both fingerprints on stderr), 3 internal error (a bug: one line, please report it), 130 interrupted.
Data folder: XS4_DATA_DIR, else the app's user-data folder. Details: docs/cli.md.
`;
