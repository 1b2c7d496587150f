/**
 * A CSV export writes a text that a spreadsheet would take for a formula
 * (starting with = + - @, a tab or a CR, optionally after apostrophes) with
 * one more leading apostrophe, as the reports do; an import takes that one
 * apostrophe off again, so an exported value comes back exactly. Plain
 * numbers ("-5", "-1.50") are never touched.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function neutraliseFormula(text: string): string {
  return !NUMBER.test(text) && FORMULA_LIKE.test(text) ? `'${text}` : text;
}

export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_LIKE.test(text) && !NUMBER.test(text) ? text.slice(1) : text;
}
