import type { Migration } from 'kysely';
import type { Engine } from '../engine.js';
import { foundation } from './0001_foundation.js';
import { ledger } from './0002_ledger.js';
import { contactsTemplates } from './0003_contacts_templates.js';
import { reminders } from './0004_reminders.js';
import { payments } from './0005_payments.js';
import { statements } from './0006_statements.js';
import { dashboard } from './0007_dashboard.js';
import { messageSearch } from './0008_message_search.js';
import { contactSearch } from './0009_contact_search.js';

/** Every migration, in order. Names are stored in the database; never rename or reorder one. */
export function allMigrations(engine: Engine): Record<string, Migration> {
  return {
    '0001_foundation': foundation(engine),
    '0002_ledger': ledger(engine),
    '0003_contacts_templates': contactsTemplates(engine),
    '0004_reminders': reminders(engine),
    '0005_payments': payments(engine),
    '0006_statements': statements(engine),
    '0007_dashboard': dashboard(engine),
    '0008_message_search': messageSearch(engine),
    '0009_contact_search': contactSearch(engine),
  };
}
