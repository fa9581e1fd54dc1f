import fc from 'fast-check';

/** The part of a JSON Schema (as @fastify/swagger publishes it) the generators read. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/**
 * Strings that broke or could break a handler: NUL (PostgreSQL refuses 0x00), lone surrogates,
 * impossible and year-0000 dates, upper-case UUIDs, very long text, SQL and path tricks, numbers as text.
 */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'Nguy\u0000ễn',
  '\uD800',
  'x\uDFFFy',
  '2021-02-30',
  '2021-13-01',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '2021-02-30T10:00:00Z',
  '2021-02-28T24:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '1970-01-01',
  'A7C1E0D2-3B4F-4C5D-8E9F-0A1B2C3D4E5F',
  '00000000-0000-0000-0000-000000000000',
  "' or 1=1 --",
  '%',
  '%00',
  '%zz',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:x}',
  'NaN',
  '-1',
  '1e309',
  '99999999999999999999999',
  '001099012345',
  '0912345678',
  '\\',
  '"',
  '🦠😷',
  'Phường Phúc Xá',
  'null',
  '__proto__',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`) },
  { weight: 1, arbitrary: fc.constantFrom(300, 5_000, 70_000).map((n) => 'x'.repeat(n)) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, -0, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 2 ** 63, 1e308, -1e308),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, small, with the hostile strings and numbers mixed in. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(hostileString, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 3 }),
  ),
})).value;

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('2019-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 200);
    } catch {
      // A pattern fast-check cannot read: plain strings below.
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1000;
  const max = schema.maximum ?? Math.max(min + 1000, 1000);
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31 - 1)) })
    : fc.double({ min, max, noNaN: true });
}

/**
 * A value for `schema`: mostly one that fits (so handlers past validation are reached), sometimes a
 * hostile value anywhere in the tree.
 */
export function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 5) return hostileJson;
  const fitting = fittingFor(schema, depth);
  return fc.oneof({ weight: 5, arbitrary: fitting }, { weight: 1, arbitrary: hostileJson });
}

function fittingFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, depth + 1)));
  if (schema.allOf?.length) return valueFor(schema.allOf[0], depth + 1);
  const t = types(schema);
  const arbs: fc.Arbitrary<unknown>[] = [];
  for (const type of t) {
    if (type === 'string') arbs.push(fc.oneof({ weight: 3, arbitrary: stringFor(schema) }, hostileString));
    else if (type === 'integer')
      arbs.push(fc.oneof({ weight: 3, arbitrary: numberFor(schema, true) }, hostileNumber));
    else if (type === 'number')
      arbs.push(fc.oneof({ weight: 3, arbitrary: numberFor(schema, false) }, hostileNumber));
    else if (type === 'boolean') arbs.push(fc.boolean());
    else if (type === 'null') arbs.push(fc.constant(null));
    else if (type === 'array')
      arbs.push(
        fc.array(valueFor(schema.items, depth + 1), {
          minLength: Math.min(schema.minItems ?? 0, 5),
          maxLength: Math.min(Math.max(schema.maxItems ?? 4, schema.minItems ?? 0), 5),
        }),
      );
    else if (type === 'object') arbs.push(objectFor(schema, depth));
  }
  return arbs.length ? fc.oneof(...arbs) : hostileJson;
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, s] of Object.entries(props)) record[k] = valueFor(s, depth + 1);
  const required = (schema.required ?? []).filter((k) => k in record);
  return fc.record(record, { requiredKeys: required });
}

/** Query string and path values travel as text. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
