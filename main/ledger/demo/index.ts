export { isIsoDate } from './calendar.js';
export { type DemoOptions, generateDemo, MAX_DEMO_TAXPAYERS } from './generate.js';
export { exportFormat, type SimpadaExportOptions, type SimpadaExportResult, writeSimpadaExport } from './export.js';
export { ledgerBills } from './ledger-bills.js';
export { loadDemo, type LoadDemoRequest, type LoadDemoResult } from './load.js';
