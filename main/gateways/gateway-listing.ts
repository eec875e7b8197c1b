import type { App } from '../api/context.js';
import { openSecrets } from '../platform/secret-box.js';
import type { Channel, GatewayKind } from './gateway-config.js';
import { maskSecret, maskSecrets } from './secret-mask.js';
import { smsHttpConfigSchema } from './sms-http-config.js';
import { dlrUrl } from './sms-gateway-settings.js';

export interface GatewayListing {
  channel: Channel;
  kind: GatewayKind;
  configured: boolean;
  config: Record<string, unknown>;
  secrets: Record<string, string>;
  dlrUrl: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

const CHANNELS: Channel[] = ['whatsapp', 'sms'];

/** Every channel's gateway as an administrator may see it: settings in full, secrets masked. */
export async function listGateways(app: App): Promise<GatewayListing[]> {
  const rows = await app.ledger.db.selectFrom('gateways').selectAll().execute();
  return CHANNELS.map((channel) => {
    const row = rows.find((r) => r.channel === channel);
    if (!row) return { channel, kind: 'simulator', configured: false, config: {}, secrets: {}, dlrUrl: null, updatedBy: null, updatedAt: null };
    const secrets = row.secrets ? openSecrets(app.location.dataDir, row.secrets) : {};
    const config = JSON.parse(row.config) as Record<string, unknown>;
    const token = row.kind === 'sms_http' ? secrets.dlrToken : undefined;
    return {
      channel,
      kind: row.kind,
      configured: true,
      config,
      secrets: maskSecrets(secrets),
      dlrUrl: token ? dlrUrl(smsHttpConfigSchema.parse(config), maskSecret(token)) : null,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  });
}
