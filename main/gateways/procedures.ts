import type { HandlerMap } from '../api/handler.js';
import { listGateways } from './gateway-listing.js';
import { saveSmsGateway } from './sms-gateway-settings.js';

export const gatewayProcedures: HandlerMap<'gateways.setSms' | 'gateways.show'> = {
  async 'gateways.setSms'(ctx, input) {
    const { authSecret, newDlrToken, ...config } = input;
    const saved = await saveSmsGateway(ctx.db, ctx.app.location.dataDir, { config, authSecret, newDlrToken }, ctx.actor?.username ?? 'anonymous', ctx.app.clock.now());
    // The audit row names which secrets changed, never their values.
    await ctx.audit({ target: 'sms', before: saved.before, after: { kind: 'sms_http', config: saved.config, secretsChanged: saved.secretsChanged } });
    return { channel: 'sms', kind: 'sms_http', config: saved.config, secrets: saved.secrets, dlrUrl: saved.dlrUrl };
  },

  async 'gateways.show'(ctx) {
    return { gateways: await listGateways(ctx.app) };
  },
};
