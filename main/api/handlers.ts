import type { ProcedureName } from '../../shared/api/index.js';
import { auditProcedures, authProcedures, userProcedures } from '../auth/index.js';
import { contactProcedures } from '../contacts/index.js';
import { dashboardProcedures } from '../dashboard/index.js';
import { importProcedures, ledgerProcedures } from '../ledger/index.js';
import { jobProcedures } from '../platform/job-procedures.js';
import { partnerProcedures, paymentProcedures } from '../payments/index.js';
import { platformProcedures } from '../platform/procedures.js';
import { messageProcedures } from '../reminders/message-procedures.js';
import { gatewayProcedures } from '../gateways/procedures.js';
import { reminderProcedures } from '../reminders/index.js';
import { reconciliationProcedures } from '../payments/reconciliation/procedures.js';
import { statementProcedures } from '../payments/statements/procedures.js';
import { reportProcedures } from '../reports/index.js';
import { templateProcedures } from '../templates/index.js';
import type { HandlerMap } from './handler.js';

/** Every procedure's handler. The type makes a missing or extra handler a compile error. */
export const handlers: HandlerMap<ProcedureName> = {
  ...authProcedures,
  ...userProcedures,
  ...auditProcedures,
  ...platformProcedures,
  ...ledgerProcedures,
  ...jobProcedures,
  ...importProcedures,
  ...contactProcedures,
  ...templateProcedures,
  ...messageProcedures,
  ...gatewayProcedures,
  ...reminderProcedures,
  ...statementProcedures,
  ...reconciliationProcedures,
  ...dashboardProcedures,
  ...partnerProcedures,
  ...paymentProcedures,
  ...reportProcedures,
};
