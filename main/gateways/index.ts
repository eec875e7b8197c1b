export { type Gateway, GatewayError, type OutgoingMessage, type RemoteStatus, type SentReceipt } from './gateway.js';
export { TokenBucket } from './token-bucket.js';
export { whatsAppCloudGateway } from './whatsapp-cloud.js';
export { startSimulator, countDuplicates, type RunningSimulator, type SimulatorOptions, type ReceivedMessage } from './simulator-server.js';
export {
  ensureSimulatorGateway,
  stopBuiltInSimulator,
  resolveGateway,
  webhookSecrets,
  saveGateway,
  gatewayConfigSchema,
  type GatewayConfig,
  type ResolvedGateway,
  type Channel,
} from './gateway-config.js';
