import { textAt } from './json-path.js';
import type { SmsHttpConfig } from './sms-http-config.js';

export interface SmsDeliveryReport {
  /** The provider's message id, as its answer to the send gave it. */
  id: string;
  /** Our `{ref}` echoed back, when the provider does. */
  ref: string | null;
  status: 'sent' | 'delivered' | 'failed';
  /** The provider's own status (`UNDELIV`) and error code, kept on a failed message. */
  providerStatus: string;
  errorCode: string | null;
  /** The provider says the number itself is bad (its status or code is one of `permanentErrors`). */
  invalidNumber: boolean;
}

export type ReportSource = 'json' | 'form' | 'query';

/**
 * Reads a provider's delivery report(s) from the query string and the body (JSON, one report
 * or a list; or a form). Reports without an id or with a status the map does not know are
 * left out and counted as ignored.
 */
export function readDeliveryReports(config: SmsHttpConfig, query: URLSearchParams, body: string, contentType: string | undefined): { reports: SmsDeliveryReport[]; ignored: number } {
  const fromQuery = Object.fromEntries(query);
  const items = bodyItems(body, contentType).map((item) => ({ ...fromQuery, ...item }));
  if (items.length === 0 && query.size > 0) items.push(fromQuery);
  const statusMap = new Map(Object.entries(config.dlrStatusMap).map(([k, v]) => [k.toUpperCase(), v]));
  const reports: SmsDeliveryReport[] = [];
  let ignored = 0;
  for (const item of items) {
    const id = textAt(item, config.dlrIdField);
    const providerStatus = textAt(item, config.dlrStatusField)?.trim() ?? '';
    const status = statusMap.get(providerStatus.toUpperCase());
    if (!id || !status) {
      ignored += 1;
      continue;
    }
    const errorCode = config.dlrErrorField ? textAt(item, config.dlrErrorField) : null;
    const invalidNumber = status === 'failed' && (config.permanentErrors.includes(providerStatus) || (errorCode !== null && config.permanentErrors.includes(errorCode)));
    reports.push({ id, ref: config.dlrRefField ? textAt(item, config.dlrRefField) || null : null, status, providerStatus, errorCode, invalidNumber });
  }
  return { reports, ignored };
}

function bodyItems(body: string, contentType: string | undefined): Record<string, unknown>[] {
  const text = body.trim();
  if (!text) return [];
  if (contentType?.toLowerCase().includes('json') || text.startsWith('{') || text.startsWith('[')) {
    const json = JSON.parse(text) as unknown;
    const list = Array.isArray(json) ? json : [json];
    return list.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
  }
  return [Object.fromEntries(new URLSearchParams(text))];
}
