/** The parsed body, or undefined when it is not JSON: partners get a coded answer, never an exception. */
export function parseJsonBody(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
