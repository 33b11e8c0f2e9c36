// What a history entry changed, in words: the ids the core records as `target` (stable, for support and the JSON)
// each have a name in the catalogs, which the Summary and `xs4-setup history` show instead of the id.
import { text, type Text } from '../../../contract/text';

/** The id recorded → its key under history.target (one line per place the core writes to). */
const NAMES: Readonly<Record<string, string>> = {
  'face:integration.space.shipApiKey': 'shipApiKey',
  'face:generalOptions.authenticationApiKey': 'authenticationKey',
  'face:integration.space.details': 'spaceDetails',
  'face:integrations': 'integrations',
  'face:enrollment': 'enrollment',
  'power.sleep': 'powerSleep',
  'power.adapter': 'powerAdapter',
  'firewall.space-port': 'firewallSpacePort',
  'space.install-script': 'installScript',
};

/** Targets that carry a value after their prefix: `trust:<host>:<port>` (a certificate trusted for that address). */
const PREFIXED: Readonly<Record<string, string>> = { 'trust:': 'trust' };

/** The target's name; a target this version does not know (written by a later one) is said as recorded. */
export function targetName(target: string): Text {
  for (const [prefix, key] of Object.entries(PREFIXED))
    if (target.startsWith(prefix) && target.length > prefix.length)
      return text(`history.target.${key}`, { at: target.slice(prefix.length) });
  const name = NAMES[target];
  return name === undefined ? text('history.target.other', { target }) : text(`history.target.${name}`);
}
