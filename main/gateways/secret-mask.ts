/**
 * How a stored secret is shown: enough of its end to tell two keys apart, never enough to
 * use one. Short secrets show nothing at all.
 */
export function maskSecret(secret: string): string {
  return secret.length >= 16 ? `****${secret.slice(-4)}` : '****';
}

export function maskSecrets(secrets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(secrets).sort().map((name) => [name, maskSecret(secrets[name] ?? '')]));
}
