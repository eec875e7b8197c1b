/**
 * Text that a spreadsheet could take for a formula is made inert before it goes into a cell
 * (CSV/formula injection, OWASP): a taxpayer named `=HYPERLINK("http://x","y")` must stay a name.
 *
 * ExcelJS already writes every JS string as a string cell, so Excel itself would not evaluate it;
 * the risk is the next step — an officer re-typing the cell, copying it into another sheet, or
 * saving the report as CSV for SIMPADA, where a leading `=`, `+`, `-`, `@`, tab or carriage return
 * turns it into a formula again. OWASP's advice is a leading single quote, which survives all of
 * those and shows the reader the text was altered rather than silently changing it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
