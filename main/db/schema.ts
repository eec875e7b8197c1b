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
}
