/**
 * Dot paths into a provider's JSON (`data.message_id`, `messages.0.id`): how an administrator
 * says where an SMS provider puts the message id, its error code or a delivery report's status.
 */
export function valueAt(value: unknown, path: string): unknown {
  let here: unknown = value;
  for (const key of path.split('.')) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** Builds nested JSON from dotted field names: `messages.0.to` makes `{ messages: [{ to }] }`. */
export function nestFields(fields: Record<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, text] of Object.entries(fields)) {
    const keys = path.split('.');
    let here: Record<string, unknown> = root;
    keys.forEach((key, i) => {
      const next = keys[i + 1];
      if (next === undefined) {
        here[key] = text;
        return;
      }
      here[key] ??= /^\d+$/.test(next) ? [] : {};
      here = here[key] as Record<string, unknown>;
    });
  }
  return root;
}

/** A scalar at a path as text; objects, arrays and absent values are `null`. */
export function textAt(value: unknown, path: string): string | null {
  const found = valueAt(value, path);
  return typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean' ? String(found) : null;
}
