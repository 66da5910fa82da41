/**
 * JSON data as block-style YAML, fast: exports of thousands of messages are written in a single
 * pass (the general-purpose `yaml` library takes several seconds for 13 MB). Every string that is
 * not plainly safe is written as a JSON string, which is a valid YAML double-quoted scalar, so
 * the text parses back to exactly the data given. Pure.
 */

/** Scalars YAML 1.1 or 1.2 readers could take for something other than a string. */
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~|\.nan|\.inf|-\.inf|\+\.inf)$/i;
const PLAIN = /^[A-Za-z_$][A-Za-z0-9_$.\-/]*$/;
/** Strings made only of number characters (`e0`, `E-1`) read as numbers in YAML 1.1. */
const NUMERIC = /^[eE0-9+\-._]+$/;

function scalar(value: string): string {
  return PLAIN.test(value) && !RESERVED.test(value) && !NUMERIC.test(value) ? value : JSON.stringify(value);
}

function inline(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return scalar(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (typeof value === 'object' && Object.keys(value as object).length === 0) return '{}';
  return undefined;
}

/** Writes JSON-compatible data (objects, arrays, strings, finite numbers, booleans, null) as YAML text. */
export function jsonToYaml(data: unknown): string {
  const out: string[] = [];
  const write = (value: unknown, indent: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const simple = inline(item);
        if (simple !== undefined) out.push(`${indent}- ${simple}\n`);
        else {
          out.push(`${indent}-\n`);
          write(item, `${indent}  `);
        }
      }
      return;
    }
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item === undefined) continue;
      const simple = inline(item);
      if (simple !== undefined) out.push(`${indent}${scalar(key)}: ${simple}\n`);
      else {
        out.push(`${indent}${scalar(key)}:\n`);
        write(item, `${indent}  `);
      }
    }
  };
  const top = inline(data);
  if (top !== undefined) return `${top}\n`;
  write(data, '');
  return out.join('');
}
