// The one rule for putting a host into a URL or a Host header: an IPv6 literal goes in brackets. Zod-free and Node-free.

/** `::1` → `[::1]`; names and IPv4 addresses unchanged (a host name never holds a colon). */
export function hostInUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** `https://host:port/` (IPv6 bracketed) for a service that is reached at the root of a port. */
export function serviceRootUrl(target: { host: string; port: number; https: boolean }): string {
  return `${target.https ? 'https' : 'http'}://${hostInUrl(target.host)}:${target.port}/`;
}
