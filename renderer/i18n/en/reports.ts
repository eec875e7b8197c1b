import type { reportsId } from '../id/reports';

/** English for the reports screen; the keys are Indonesian's. */
export const reportsEn: typeof reportsId = {
  chooseTitle: 'Choose a report',
  report: 'Report',
  names: {
    reconciliation: 'Daily/monthly reconciliation',
    revenue: 'Revenue summary',
    arrears: 'Arrears list',
    dispatch: 'Reminder dispatch log',
  } as Record<string, string>,
  explain: {
    reconciliation: 'Per partner: matched lines, exceptions and their resolutions for one day or one month.',
    revenue: 'Revenue per tax type and month, January to the chosen period.',
    arrears: 'Bills unpaid on that day, their age, penalty, and a summary per kecamatan.',
    dispatch: 'Every reminder planned in the date range, with its state.',
  } as Record<string, string>,
  periodKind: 'Period',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  range: 'Date range',
  date: 'Date',
  monthField: 'Month',
  yearField: 'Year',
  from: 'From',
  to: 'To',
  asOf: 'As of',
  generate: 'Generate',
  generating: 'Generating the report…',
  rowsWritten: '{{rows}} rows written',
  ready: '{{file}} is ready: {{rows}} rows.',
  sheets: 'Sheets',
  sheetRows: '{{sheet}}: {{rows}} rows',
  download: 'Download {{file}}',
  downloading: 'Downloading…',
  cancelled: 'Report generation cancelled.',
};
