import type { z } from 'zod';
import * as audit from './audit.js';
import * as auth from './auth.js';
import { contactProcedures } from './contacts.js';
import { dashboardProcedures } from './dashboard.js';
import { messageProcedures } from './messages.js';
import { partnerProcedures } from './partners.js';
import { paymentProcedures } from './payments.js';
import { gatewayProcedures } from './gateways.js';
import * as imports from './import.js';
import * as jobs from './jobs.js';
import * as ledger from './ledger.js';
import { reconciliationProcedures } from './reconciliation.js';
import { reminderProcedures } from './reminders.js';
import { statementProcedures } from './statements.js';
import { reportProcedures } from './reports.js';
import * as settings from './settings.js';
import * as system from './system.js';
import { templateProcedures } from './templates.js';
import * as users from './users.js';
import type { ProcedureDef } from './procedure.js';

/** The whole API: every procedure the app offers, once. Transports and the CLI go through it. */
export const contract = indexByName([
  auth.authState,
  auth.authSetup,
  auth.authLogin,
  auth.authLogout,
  auth.authChangePassword,
  auth.authSetLanguage,
  users.usersList,
  users.usersAdd,
  users.usersSetActive,
  users.usersResetPassword,
  audit.auditList,
  settings.settingsGet,
  settings.settingsUpdate,
  system.systemInfo,
  ledger.ledgerSummary,
  ledger.ledgerBills,
  ledger.ledgerTaxpayers,
  ledger.ledgerTaxpayer,
  ledger.ledgerFacets,
  ledger.ledgerLoadDemo,
  jobs.jobsGet,
  jobs.jobsCancel,
  imports.importUpload,
  imports.importInspect,
  imports.importStart,
  imports.importHistory,
  imports.importRun,
  imports.importUndo,
  imports.importRejectsXlsx,
  imports.importProfiles,
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
] as const);

type Defs = typeof contract;
export type ProcedureName = keyof Defs & string;
export type In<N extends ProcedureName> = z.input<Defs[N]['input']>;
export type Parsed<N extends ProcedureName> = z.output<Defs[N]['input']>;
export type Out<N extends ProcedureName> = z.output<Defs[N]['output']>;
export const procedureNames = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

type ByName<T extends readonly ProcedureDef[]> = { [D in T[number] as D['name']]: D };

function indexByName<const T extends readonly ProcedureDef[]>(defs: T): ByName<T> {
  const out: Record<string, ProcedureDef> = {};
  for (const def of defs) {
    if (out[def.name]) throw new Error(`procedure ${def.name} declared twice`);
    out[def.name] = def;
  }
  return out as ByName<T>;
}

export type { ProcedureDef } from './procedure.js';
