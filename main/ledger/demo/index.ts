export { type DemoOptions, generateDemo, MAX_DEMO_TAXPAYERS } from './generate.js';
export { writeSimpadaExport, type SimpadaExportOptions, type SimpadaExportResult } from './export.js';
export { ledgerBills } from './ledger-bills.js';
