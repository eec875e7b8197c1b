/** One message as a gateway sends it: a WhatsApp template with its parameters, or an SMS text. */
export interface OutgoingMessage {
  /** Our outbox id, sent along so statuses and the simulator's log name it (`biz_opaque_callback_data`). */
  ref: string;
  /** E.164, `+62…`. */
  to: string;
  channel: 'whatsapp' | 'sms';
  /** WhatsApp: the template Meta approved, its language and body parameters in order. */
  template?: { name: string; language: string; parameters: string[] };
  /** SMS, or the rendered text kept for the record. */
  text: string;
}

export interface SentReceipt {
  /** The gateway's id (`wamid.…`), which status webhooks name. */
  id: string;
}

/** What a gateway can tell about a message we may or may not have handed over. */
export type RemoteStatus = { found: false } | { found: true; id: string; status: 'sent' | 'delivered' | 'read' | 'failed' };

/**
 * `transient`: try again later (timeouts before the request left, 429, 5xx).
 * `permanent`: never retry (invalid number, not on WhatsApp, template refused).
 * `ambiguous`: the request may have reached the gateway (a timeout or a reset after it was
 * written): resending could message the taxpayer twice, so the message becomes `unknown`.
 */
export type GatewayErrorKind = 'transient' | 'permanent' | 'ambiguous';

export class GatewayError extends Error {
  constructor(
    readonly kind: GatewayErrorKind,
    readonly code: string,
    readonly detail: string,
    /** What a permanent error says about the number, for the contacts module. */
    readonly numberProblem: 'not_on_whatsapp' | 'invalid_number' | null = null,
  ) {
    super(`${kind} gateway error ${code}: ${detail}`);
  }
}

export interface Gateway {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SentReceipt>;
  /** Where the gateway can look a message up by our ref (the simulator can; Meta cannot). */
  status?(ref: string): Promise<RemoteStatus>;
}
