/** What the partner API answers: an HTTP status and a JSON body, plus the code the audit row keeps. */
export interface Reply {
  http: number;
  /** `00`, `14`, `401` … for v1; SNAP's seven-digit responseCode. */
  code: string;
  body: Record<string, unknown>;
}

/** One call as the server saw it, before any handler ran: what the audit row is made of. */
export interface PartnerCall {
  api: 'v1' | 'snap';
  endpoint: string;
  method: string;
  address: string;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
  /** performance.now() when the request arrived, for the latency the audit row keeps. */
  startedAt: number;
}

export function header(call: PartnerCall, name: string): string {
  const value = call.headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
