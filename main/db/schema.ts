import type { Generated } from 'kysely';

/**
 * Table types, written once per table. Instants are ISO strings in UTC, calendar dates
 * `YYYY-MM-DD`, booleans 0/1 integers (the same on SQLite and PostgreSQL), money integer Rupiah.
 */
export interface SipekaMetaTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  role: string;
  password_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  language: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 of the token; the token itself lives only in the cookie or the IPC session. */
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  origin: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  before: string | null;
  after: string | null;
  origin: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
}

export interface Database {
  sipeka_meta: SipekaMetaTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  sync_runs: SyncRunsTable;
  sync_rejects: SyncRejectsTable;
  taxpayers: TaxpayersTable;
  tax_objects: TaxObjectsTable;
  bills: BillsTable;
  ledger_changes: LedgerChangesTable;
  mapping_profiles: MappingProfilesTable;
  contacts: ContactsTable;
  contact_changes: ContactChangesTable;
  shared_numbers: SharedNumbersTable;
  templates: TemplatesTable;
  reminder_stages: ReminderStagesTable;
  holidays: HolidaysTable;
  plan_runs: PlanRunsTable;
  outbox: OutboxTable;
  reminder_skips: ReminderSkipsTable;
  message_events: MessageEventsTable;
  opt_outs: OptOutsTable;
  gateways: GatewaysTable;
  dispatch_leases: DispatchLeasesTable;
  partners: PartnersTable;
  partner_tokens: PartnerTokensTable;
  partner_requests: PartnerRequestsTable;
  payments: PaymentsTable;
  period_locks: PeriodLocksTable;
  statement_profiles: StatementProfilesTable;
  statement_imports: StatementImportsTable;
  statement_lines: StatementLinesTable;
  recon_items: ReconItemsTable;
  kpi_targets: KpiTargetsTable;
  dashboard_rollup_state: DashboardRollupStateTable;
  dash_bill_days: DashBillDaysTable;
  dash_receipts: DashReceiptsTable;
  dash_reach: DashReachTable;
  dash_message_bills: DashMessageBillsTable;
  dash_funnel: DashFunnelTable;
  dash_unreminded: DashUnremindedTable;
  dash_messages: DashMessagesTable;
}

export interface SyncRunsTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  sheet: string | null;
  /** JSON: the column mapping used. */
  mapping: string;
  status: 'applied' | 'undone';
  rows_read: number;
  /** JSON: SyncCounts. */
  counts: string;
  /** What besides the file decides the parse: sheets, mapping, profiles, time zone. */
  options_key: string | null;
  /** The ledger right after this run committed (see ledger-fingerprint.ts). */
  ledger_fingerprint: string | null;
  created_by: string;
  created_at: string;
  undone_by: string | null;
  undone_at: string | null;
}

export interface SyncRejectsTable {
  id: Generated<number>;
  run_id: number;
  sheet: string;
  row_number: number;
  column_name: string;
  value: string;
  reason_code: string;
  reason: string;
  reason_en: string;
}

export interface TaxpayersTable {
  id: Generated<number>;
  /** The canonical NPWPD, or `NAMA:<name>|<address>` for a taxpayer the export gives no NPWPD. */
  taxpayer_key: string;
  npwpd: string | null;
  name: string;
  /** Upper-case name for case-insensitive search on both engines. */
  name_search: string;
  address: string | null;
  kecamatan: string | null;
  kelurahan: string | null;
  /** Contact cells exactly as the export had them; the contacts module cleans them. */
  raw_phone: string | null;
  raw_email: string | null;
  created_run_id: number | null;
  updated_run_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface TaxObjectsTable {
  id: Generated<number>;
  object_key: string;
  taxpayer_id: number;
  nop: string | null;
  name: string | null;
  tax_type: string;
  address: string | null;
  kecamatan: string | null;
  kelurahan: string | null;
  created_run_id: number | null;
  created_at: string;
}

export interface BillsTable {
  id: Generated<number>;
  kode_bayar: string;
  taxpayer_id: number;
  object_id: number | null;
  tax_type: string;
  tax_type_label: string;
  masa_pajak: string | null;
  tahun: number | null;
  principal: number;
  penalty: number;
  due_date: string;
  status: 'paid' | 'unpaid';
  paid_date: string | null;
  /** Who said it is paid: `export` (SIMPADA), `payment` (a bank or counter payment in SI PEKA). */
  paid_source: string | null;
  kohir: string | null;
  tgl_penetapan: string | null;
  created_run_id: number | null;
  updated_run_id: number | null;
  created_at: string;
  updated_at: string;
}

/** One field of one row changed by one sync run: enough to undo the run exactly. */
export interface LedgerChangesTable {
  id: Generated<number>;
  run_id: number;
  entity: 'bill' | 'taxpayer' | 'object';
  entity_id: number;
  kind: 'insert' | 'update';
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

export interface MappingProfilesTable {
  id: Generated<number>;
  name: string;
  header_key: string;
  /** JSON: field per column. */
  mapping: string;
  created_by: string;
  created_at: string;
}

/** The cleaned contact of one taxpayer (contacts module). Phones are E.164. */
export interface ContactsTable {
  id: Generated<number>;
  taxpayer_id: number;
  /** The cells as the last synced export had them: a change here is the export "changing that cell". */
  export_phone_raw: string | null;
  export_email_raw: string | null;
  phone_status: 'valid' | 'landline' | 'invalid' | 'missing';
  phone_reason: string | null;
  /** The number WhatsApp reminders go to; null when none is WhatsApp-capable. */
  wa_phone: string | null;
  /** The number SMS reminders go to. */
  sms_phone: string | null;
  landline: string | null;
  /** JSON: E.164 numbers besides the primary. */
  alternates: string;
  /** JSON: PhoneCandidate[] of the effective cell. */
  candidates: string;
  phone_source: 'export' | 'officer' | 'delivery';
  /** Mobile numbers in the cell: more than one asks an officer to choose the primary. */
  mobile_count: number;
  /** 1 when an officer chose the primary among several numbers. */
  primary_confirmed: number;
  /** 1 when a gateway said the primary is not on WhatsApp. */
  wa_unavailable: number;
  /** JSON {raw, at}: the export changed a cell an officer had fixed. */
  phone_conflict: string | null;
  email: string | null;
  email_status: 'valid' | 'invalid' | 'missing';
  email_source: 'export' | 'officer' | 'delivery';
  email_conflict: string | null;
  /** 1 while either conflict waits for an officer. */
  has_conflict: number;
  /** Best channel: `whatsapp`, `sms` or `none`, kept current so reachability is one grouped query. */
  reach: 'whatsapp' | 'sms' | 'none';
  verified_at: string | null;
  updated_at: string;
}

export interface ContactChangesTable {
  id: Generated<number>;
  taxpayer_id: number;
  field: 'phone' | 'email' | 'primary' | 'whatsapp' | 'phone_conflict' | 'email_conflict';
  old_value: string | null;
  new_value: string | null;
  source: 'export' | 'officer' | 'delivery';
  reason: string | null;
  actor: string;
  at: string;
  /** JSON: the contact's phone columns before an export replaced what gateways or officers had taught us. */
  stash: string | null;
}

/** Numbers on two or more taxpayers, and officers' verdicts on them. */
export interface SharedNumbersTable {
  phone: string;
  /** Distinct taxpayer names using it (one owner's several NPWPD count once). */
  taxpayer_count: number;
  /** `office`: the office's or a consultant's, never messaged; `shared`: legitimately shared. */
  marking: 'office' | 'shared' | null;
  marked_by: string | null;
  marked_at: string | null;
  note: string | null;
}

/** One version of one message template (templates module). */
export interface TemplatesTable {
  id: Generated<number>;
  /** The id of the family's first version: all versions of one template share it. */
  family_id: number;
  version: number;
  name: string;
  channel: 'whatsapp' | 'sms';
  language: string;
  purpose: string;
  body: string;
  meta_name: string | null;
  meta_category: string | null;
  /** WhatsApp only: Meta's verdict, `pending`, `approved` or `rejected`. */
  meta_status: string | null;
  status: 'draft' | 'submitted' | 'approved' | 'rejected' | 'retired';
  reject_reason: string | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** A reminder moment: `offset_days` from the due date (H-14 is -14), for one tax type or `*`. */
export interface ReminderStagesTable {
  id: Generated<number>;
  code: string;
  offset_days: number;
  tax_type: string;
  /** JSON: channels in the order tried, e.g. ["whatsapp","sms"]. */
  channels: string;
  active: number;
  updated_by: string;
  updated_at: string;
}

export interface HolidaysTable {
  day: string;
  name: string;
  created_by: string;
  created_at: string;
}

export interface PlanRunsTable {
  id: Generated<number>;
  plan_date: string;
  actor: string;
  started_at: string;
  planned: number;
  skipped: number;
  /** JSON: by stage, by channel, skipped by reason. */
  counts: string;
}

export type MessageState = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'unknown' | 'cancelled';

/** One message: planned, then sent by the dispatcher. */
export interface OutboxTable {
  id: Generated<number>;
  kind: 'reminder' | 'thank_you';
  taxpayer_id: number;
  stage: string;
  due_date: string;
  channel: 'whatsapp' | 'sms';
  plan_run_id: number | null;
  plan_date: string;
  /** JSON: the bills the message speaks of. */
  bill_ids: string;
  template_id: number | null;
  recipient: string;
  body: string;
  /** JSON: WhatsApp body parameters in order ({{1}}, {{2}} …); [] for SMS. */
  parameters: string;
  state: MessageState;
  attempts: number;
  /** Not sent before this instant (the send window). */
  not_before: string;
  next_attempt_at: string;
  gateway: string | null;
  gateway_message_id: string | null;
  error_code: string | null;
  error_detail: string | null;
  created_at: string;
  updated_at: string;
  sending_at: string | null;
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  failed_at: string | null;
}

export interface ReminderSkipsTable {
  id: Generated<number>;
  plan_run_id: number;
  plan_date: string;
  taxpayer_id: number;
  stage: string;
  due_date: string;
  channel: string | null;
  reason: string;
  bill_ids: string;
}

export interface MessageEventsTable {
  id: Generated<number>;
  outbox_id: number;
  at: string;
  state: string;
  detail: string | null;
}

export interface OptOutsTable {
  phone: string;
  at: string;
  source: string;
  text: string | null;
}

/** How each channel is sent: the built-in simulator until an admin configures a real gateway. */
export interface GatewaysTable {
  channel: 'whatsapp' | 'sms';
  kind: 'simulator' | 'whatsapp_cloud' | 'sms_http';
  /** JSON: URLs, ids, rate per second, daily cap — nothing secret. */
  config: string;
  /** Encrypted JSON: tokens and secrets. */
  secrets: string | null;
  updated_by: string;
  updated_at: string;
}

/** A bank or e-wallet allowed to call the partner API. */
export interface PartnersTable {
  id: string;
  name: string;
  /** The HMAC secret, sealed with the app key (platform/secret-box). */
  secret_sealed: string;
  /** JSON: CIDRs the partner may call from. */
  ip_allowlist: string;
  /** SNAP company prefix (partnerServiceId): virtual account = prefix + payment code. */
  va_prefix: string;
  active: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  secret_rotated_at: string;
}

export interface PartnerTokensTable {
  /** sha256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  partner_id: string;
  created_at: string;
  expires_at: string;
}

/** Every partner API call: the audit trail and the store replays are answered from. */
export interface PartnerRequestsTable {
  id: Generated<number>;
  at: string;
  partner_id: string | null;
  api: 'v1' | 'snap';
  endpoint: string;
  address: string;
  idempotency_key: string | null;
  body_sha256: string;
  body: string | null;
  tax_id: string | null;
  http_status: number;
  result_code: string;
  /** JSON: the first answer, returned again to a replay. */
  response: string | null;
  latency_ms: number;
}

/** One payment of one bill, by a partner or at the counter (`LOKET`). */
export interface PaymentsTable {
  id: Generated<number>;
  bill_id: number;
  partner_id: string;
  partner_ref: string;
  request_id: string | null;
  receipt_number: string;
  amount: number;
  principal: number;
  penalty: number;
  admin_fee: number;
  paid_at: string;
  paid_date: string;
  recorded_by: string;
  recorded_at: string;
  note: string | null;
}

/** A day or month the treasurer signed off: its payments do not change until the head unlocks it. */
export interface PeriodLocksTable {
  period: string;
  kind: 'day' | 'month';
  state: 'locked' | 'unlocked';
  signed_by: string;
  signed_at: string;
  /** JSON: the reconciliation's totals when it was signed. */
  summary: string;
  unlocked_by: string | null;
  unlocked_at: string | null;
  unlock_reason: string | null;
}

/** A yearly target of one dashboard indicator (revenue in Rupiah, rates in basis points). */
export interface KpiTargetsTable {
  year: number;
  indicator: string;
  tax_type: string;
  target: number;
  /** Cumulative percent of the yearly target due by the end of each quarter. */
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  weight: number;
  updated_by: string;
  updated_at: string;
}

/** The dashboard's rollups (main/dashboard): derived, rebuilt when the ledger moved on. */
export interface DashboardRollupStateTable {
  part: string;
  version: string;
  built_at: string;
  build_ms: number;
}

export interface DashBillDaysTable {
  tax_type: string;
  kecamatan: string;
  due_date: string;
  bills: number;
  on_time_bills: number;
  unpaid_bills: number;
  unpaid_principal: number;
}

export interface DashReceiptsTable {
  tax_type: string;
  kecamatan: string;
  paid_month: string;
  bills: number;
  amount: number;
}

export interface DashReachTable {
  kecamatan: string;
  tax_type: string;
  reach: string;
  taxpayers: number;
  principal: number;
}

export interface DashMessageBillsTable {
  outbox_id: number;
  bill_id: number;
  kind: string;
  stage: string;
  channel: string;
  plan_date: string;
  plus7: string;
  plus14: string;
}

export interface DashFunnelTable {
  tax_type: string;
  kecamatan: string;
  stage: string;
  channel: string;
  plan_month: string;
  sent: number;
  delivered: number;
  read_count: number;
  paid7: number;
  paid14: number;
}

export interface DashUnremindedTable {
  tax_type: string;
  kecamatan: string;
  due_date: string;
  paid_date: string;
  bills: number;
}

export interface DashMessagesTable {
  kind: string;
  channel: string;
  plan_month: string;
  kecamatan: string;
  tax_type: string;
  messages: number;
}

/** A bank statement layout's column mapping, remembered by its header (main/payments/statements). */
export interface StatementProfilesTable {
  header_key: string;
  headers: string;
  mapping: string;
  created_by: string;
  created_at: string;
}

export interface StatementImportsTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  header_key: string;
  lines: number;
  credits: number;
  duplicates: number;
  first_date: string | null;
  last_date: string | null;
  imported_by: string;
  imported_at: string;
}

export interface StatementLinesTable {
  id: Generated<number>;
  import_id: number;
  line_key: string;
  row_number: number;
  value_date: string;
  description: string;
  reference: string | null;
  direction: 'C' | 'D';
  amount: number;
}

/** One credit, or one payment or ledger-paid bill no credit explains (main/payments/reconciliation). */
export interface ReconItemsTable {
  id: Generated<number>;
  item_key: string;
  day: string;
  source: 'credit' | 'payment' | 'bill';
  line_id: number | null;
  payment_id: number | null;
  bill_id: number | null;
  partner_id: string | null;
  amount: number;
  expected: number | null;
  class: string;
  rule: string | null;
  confidence: number | null;
  resolution: string | null;
  note: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

/** Who dispatches now, until when (migration 0008; main/reminders/dispatch-lease.ts). */
export interface DispatchLeasesTable {
  name: string;
  owner: string;
  host: string;
  pid: number;
  acquired_at: string;
  renewed_at: string;
  expires_at: string;
}
