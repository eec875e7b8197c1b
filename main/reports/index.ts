export { reportProcedures } from './procedures.js';
export { generateReport, type GeneratedReport, type ReportRequest } from './generate-report.js';
export { reportContext } from './report-context.js';
export { writeReport, RUPIAH_FORMAT, HEADER_ROW, type WriteOptions, type WriteTarget } from './write-report.js';
export { keysetPages } from './keyset-pages.js';
export { neutraliseFormulaText } from './neutralise-formula-text.js';
export { monthLabel, rangeLabel, printedAtLabel } from './period-labels.js';
export type * from './report.js';
export { reportFile, removeReportFile } from './report-files.js';
