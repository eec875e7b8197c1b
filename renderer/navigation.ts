import { HomeScreen } from './screens/home/HomeScreen';
import type { ComponentType } from 'react';
import { ALL_ROLES, type Role } from '../shared/roles';
import { AuditScreen } from './screens/audit/AuditScreen';
import { ChangePasswordScreen } from './screens/change-password/ChangePasswordScreen';
import { ContactsScreen } from './screens/contacts/ContactsScreen';
import { ImportHistoryScreen, ImportScreen } from './screens/import/ImportScreen';
import { PartnersScreen } from './screens/partners/PartnersScreen';
import { PaymentsScreen } from './screens/payments/PaymentsScreen';
import { ReconciliationScreen } from './screens/reconciliation/ReconciliationScreen';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { RemindersScreen } from './screens/reminders/RemindersScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { TaxpayersScreen } from './screens/taxpayers/TaxpayersScreen';
import { TemplatesScreen } from './screens/templates/TemplatesScreen';
import { UsersScreen } from './screens/users/UsersScreen';

/**
 * Every screen of the app, in menu order: its address, who may open it, and its component.
 * A screen without a component is announced as not built yet; a new screen plugs in here.
 * The roles mirror the procedures each screen calls (shared/api), which the backend enforces.
 */
export type ScreenId =
  | 'dashboard'
  | 'taxpayers'
  | 'import'
  | 'importHistory'
  | 'contacts'
  | 'templates'
  | 'reminders'
  | 'payments'
  | 'reconciliation'
  | 'reports'
  | 'partners'
  | 'users'
  | 'settings'
  | 'audit'
  | 'password';

export interface Screen {
  id: ScreenId;
  /** The part after `#/`, in Indonesian like the menu. */
  path: string;
  roles: readonly Role[];
  /** Reached from the menu, or only from elsewhere (the header's password link). */
  inMenu: boolean;
  /** Who finds it in the menu, when fewer than may open it (a link still works for the others). */
  menuRoles?: readonly Role[];
  component?: ComponentType;
}

export const SCREENS: readonly Screen[] = [
  { id: 'dashboard', path: 'beranda', roles: ALL_ROLES, inMenu: true, component: HomeScreen },
  { id: 'taxpayers', path: 'wajib-pajak', roles: ['officer', 'treasurer', 'head', 'admin'], inMenu: true, component: TaxpayersScreen },
  { id: 'import', path: 'impor', roles: ['officer', 'admin'], inMenu: true, component: ImportScreen },
  // The head and the treasurer read what was imported (import.history) but may not import; officers
  // find the same history as a tab of Impor SIMPADA, so the menu offers this only to the two readers.
  { id: 'importHistory', path: 'riwayat-impor', roles: ALL_ROLES, menuRoles: ['head', 'treasurer'], inMenu: true, component: ImportHistoryScreen },
  { id: 'contacts', path: 'kontak', roles: ['officer', 'admin'], inMenu: true, component: ContactsScreen },
  { id: 'templates', path: 'template', roles: ['officer', 'head', 'admin'], inMenu: true, component: TemplatesScreen },
  { id: 'reminders', path: 'pengingat', roles: ['officer', 'head', 'admin'], inMenu: true, component: RemindersScreen },
  { id: 'payments', path: 'pembayaran', roles: ['treasurer', 'officer', 'admin'], inMenu: true, component: PaymentsScreen },
  { id: 'reconciliation', path: 'rekonsiliasi', roles: ['treasurer', 'head', 'admin'], inMenu: true, component: ReconciliationScreen },
  // Officers print the lists they work from (shared/api/reports.ts OFFICER_REPORTS); the screen offers them only those.
  { id: 'reports', path: 'laporan', roles: ['treasurer', 'head', 'admin', 'officer'], inMenu: true, component: ReportsScreen },
  { id: 'partners', path: 'mitra', roles: ['admin'], inMenu: true, component: PartnersScreen },
  { id: 'users', path: 'pengguna', roles: ['admin'], inMenu: true, component: UsersScreen },
  // Everyone may read the settings (who signs the reports, which zone); only admin may change them.
  { id: 'settings', path: 'pengaturan', roles: ALL_ROLES, inMenu: true, component: SettingsScreen },
  { id: 'audit', path: 'audit', roles: ['admin', 'head'], inMenu: true, component: AuditScreen },
  { id: 'password', path: 'kata-sandi', roles: ALL_ROLES, inMenu: false, component: ChangePasswordScreen },
];

export const HOME_PATH = 'beranda';

export function screenAt(path: string): Screen | undefined {
  return SCREENS.find((screen) => screen.path === (path || HOME_PATH));
}

export function menuFor(role: Role): Screen[] {
  return SCREENS.filter((screen) => screen.inMenu && (screen.menuRoles ?? screen.roles).includes(role));
}
