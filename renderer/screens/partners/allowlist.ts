/** The allowlist as typed (commas, spaces or new lines between entries) to the list the API takes. */
export function parseAllowlist(text: string): string[] {
  return text.split(/[\s,;]+/).filter((entry) => entry !== '');
}
