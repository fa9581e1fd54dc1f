import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError, fieldError } from '../errors';

const MAX_DEPTH = 32;

/**
 * A key as it may appear in an error: schema field names are short identifiers; any other key was
 * made up by the sender (it may be a phone number or a name) and is not echoed.
 */
const fieldName = (key: string) => (/^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(key) ? key : '*');

/**
 * Text no column can hold: U+0000, and a lone surrogate (half of a UTF-16 pair). JSON may spell one
 * as "\ud800"; PostgreSQL refuses that escape in jsonb and would turn it into U+FFFD in text.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this rule looks for
const UNSTORABLE = /\u0000|\p{Cs}/u;

/** The dotted path of the first string (value or key) holding text no column can store, or null. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = nulPath(value[i], `${path}.${i}`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  // Parsed JSON and query objects only: a stream (multipart) is read by its own route.
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  for (const [k, v] of Object.entries(value)) {
    if (UNSTORABLE.test(k)) return path;
    const p = nulPath(v, `${path}.${fieldName(k)}`, depth + 1);
    if (p) return p;
  }
  return null;
}

/**
 * One rule for every route, before its schema is checked: no text may hold the NUL character or a
 * lone surrogate. PostgreSQL cannot store either (U+0000 in text, "\ud800" in jsonb), so such a value
 * could only fail later as a 500; no legitimate name, address or code contains one.
 */
export async function refuseNul(request: FastifyRequest): Promise<void> {
  const found =
    nulPath(request.params, 'params') ??
    nulPath(request.query, 'querystring') ??
    nulPath(request.body, 'body');
  if (found)
    throw new AppError('VALIDATION_FAILED', [
      fieldError(
        found,
        'nul',
        'Không được chứa ký tự NUL (0x00) hay nửa cặp UTF-16 đứng lẻ.',
        'Must not contain the NUL character (0x00) or a lone UTF-16 surrogate.',
      ),
    ]);
}

type SchemaNode = Record<string, unknown>;

/**
 * An integer with no stated maximum gets the largest one JavaScript holds exactly: 4e278 is an
 * "integer" to JSON Schema but no database column takes it (it failed as a 500 in a bigint offset).
 */
function boundIntegers(node: unknown, seen = new Set<unknown>()): void {
  if (!node || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) return node.forEach((n) => boundIntegers(n, seen));
  const s = node as SchemaNode;
  if (s.type === 'integer') {
    if (s.maximum === undefined && s.exclusiveMaximum === undefined) s.maximum = Number.MAX_SAFE_INTEGER;
    if (s.minimum === undefined && s.exclusiveMinimum === undefined) s.minimum = Number.MIN_SAFE_INTEGER;
  }
  for (const v of Object.values(s)) boundIntegers(v, seen);
}

function boundRouteIntegers(route: RouteOptions): void {
  const schema = route.schema as Record<string, unknown> | undefined;
  if (!schema) return;
  for (const part of ['body', 'querystring', 'params', 'headers']) boundIntegers(schema[part]);
}

/** Rules on every request's input that no route schema should have to repeat. */
export function registerInputRules(app: FastifyInstance): void {
  app.addHook('preValidation', refuseNul);
  app.addHook('onRoute', boundRouteIntegers);
}
