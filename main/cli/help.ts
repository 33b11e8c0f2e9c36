// The usage text of xs4-setup (kept in step with docs/cli.md): the synopsis as typed, the explanations in --lang.
import { text } from '../../contract/text';
import { say } from './say';

const SYNOPSIS = `  xs4-setup login [--region R] [--device-code] [--face-url URL] [--timeout-ms N]
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
  Every command also takes --lang LANG (en, fr, de, nl, es, ar).`;

/** The help in this run's language. */
export function helpText(): string {
  return [
    say(text('cli.help.title')),
    '',
    say(text('cli.help.usage')),
    SYNOPSIS,
    '',
    say(text('cli.help.signIn')),
    say(text('cli.help.secrets')),
    say(text('cli.help.language')),
    say(text('cli.help.exitCodes')),
    say(text('cli.help.dataFolder')),
    '',
  ].join('\n');
}
