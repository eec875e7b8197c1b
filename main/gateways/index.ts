export { type Gateway, GatewayError, type OutgoingMessage, type RemoteStatus, type SentReceipt } from './gateway.js';
export { TokenBucket } from './token-bucket.js';
export { whatsAppCloudGateway } from './whatsapp-cloud.js';
export { smsHttpGateway } from './sms-http.js';
export { smsHttpConfigSchema, simulatorSmsConfig, type SmsHttpConfig } from './sms-http-config.js';
export { readDeliveryReports, type SmsDeliveryReport } from './sms-delivery-report.js';
export { saveSmsGateway } from './sms-gateway-settings.js';
export { startSimulator, countDuplicates, type RunningSimulator, type SimulatorOptions, type ReceivedMessage } from './simulator-server.js';
export {
  ensureSimulatorGateway,
  stopBuiltInSimulator,
  resolveGateway,
  webhookSecrets,
  smsDeliverySettings,
  saveGateway,
  gatewayConfigSchema,
  type GatewayConfig,
  type ResolvedGateway,
  type Channel,
} from './gateway-config.js';
