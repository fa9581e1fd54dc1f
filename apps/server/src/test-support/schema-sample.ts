/**
 * The smallest value a route's JSON schema (TypeBox) accepts: required properties only, the first
 * alternative of a union. `pick` supplies a value for a property by name (ids of real records, codes)
 * before the schema's own shape is used, so a request passes validation and reaches the policy check.
 */
type Schema = Record<string, unknown>;
export type Pick = (name: string, schema: Schema) => unknown;

const PATTERN_SAMPLES: [RegExp, string][] = [
  [/\{4\}-/, new Date().toISOString().slice(0, 10)],
  [/\{5/, '00001'],
  [/\{4/, '2021'],
  [/\{2/, '01'],
  [/A-Za-z0-9/, 'matrix.sample'],
];

function sampleString(s: Schema): string {
  if (typeof s.const === 'string') return s.const;
  if (Array.isArray(s.enum)) return String(s.enum[0]);
  switch (s.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'date-time':
      return new Date().toISOString();
  }
  if (typeof s.pattern === 'string') {
    const hit = PATTERN_SAMPLES.find(([re]) => re.test(s.pattern as string));
    if (hit) return hit[1];
  }
  return 'x'.repeat(Math.max(1, Number(s.minLength ?? 1)));
}

export function sample(schema: unknown, pick: Pick = () => undefined, name = ''): unknown {
  const s = (schema ?? {}) as Schema;
  if (name) {
    const picked = pick(name, s);
    if (picked !== undefined) return picked;
  }
  if ('const' in s) return s.const;
  const union = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (union?.length) {
    const nonNull = union.find((u) => u.type !== 'null') ?? union[0];
    return sample(nonNull, pick, name);
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const out: Record<string, unknown> = {};
      for (const key of (s.required as string[] | undefined) ?? []) out[key] = sample(props[key], pick, key);
      return out;
    }
    case 'array':
      return Array.from({ length: Number(s.minItems ?? 0) }, () => sample(s.items, pick, name));
    case 'string':
      return sampleString(s);
    case 'integer':
    case 'number':
      return Number(s.minimum ?? s.exclusiveMinimum ?? 1);
    case 'boolean':
      return false;
    default:
      return undefined;
  }
}
