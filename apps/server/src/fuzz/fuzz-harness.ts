import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ERRORS } from '@phongdich/contracts';
import type { Db } from '../core/db/db';
import { DEMO_CITIZEN_PHONE, demoPassword, seedDemoAccounts } from '../demo/demo-accounts';
import { TOTP } from 'otpauth';
import { SITE_ORIGIN, signInCitizen } from '../test-support/auth';
import { testConfig } from '../test-support/test-app';
import { asText, hostileJson, hostileString, valueFor, type JsonSchema } from './openapi-arbitraries';

/** One operation of the OpenAPI document the server serves. */
export interface Operation {
  method: string;
  path: string;
  pathParams: { name: string; schema?: JsonSchema }[];
  query: { name: string; schema?: JsonSchema }[];
  body?: JsonSchema;
  /** The route reads a body (POST, PUT, PATCH) even if the document does not describe it (multipart). */
  takesBody: boolean;
}

export interface Actor {
  name: string;
  headers: Record<string, string>;
  /** Signs in again (a fuzzed request may have signed this actor out). */
  refresh?: () => Promise<void>;
  /** Not before this time (ms) after a failed sign-in. */
  retryAt?: number;
}

export interface FuzzInput {
  op: number;
  actor: number;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** Sometimes the path carries a raw (not percent-encoded) hostile segment: bad URL escapes. */
  rawSegment: string | null;
}

interface ParameterDoc {
  in: string;
  name: string;
  schema?: JsonSchema;
}
interface OperationDoc {
  parameters?: ParameterDoc[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export async function readOperations(app: FastifyInstance): Promise<Operation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, OperationDoc>>;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
        takesBody: ['post', 'put', 'patch'].includes(method),
      });
    }
  }
  return ops;
}

let ipSeq = 0;
/** Each request from its own address, so per-address rate limits answer some but not all of them. */
function nextIp(): string {
  ipSeq++;
  return `10.${200 + ((ipSeq >> 16) & 31)}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
}

async function login(
  app: FastifyInstance,
  username: string,
  password: string,
  totpSecret?: string,
): Promise<string> {
  // Demo administrators sign in with two factors (the demo shows it): send the current code.
  const totp = totpSecret ? { totp: new TOTP({ secret: totpSecret }).generate() } : {};
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: SITE_ORIGIN },
    payload: { username, password, ...totp },
    remoteAddress: nextIp(),
  });
  if (res.statusCode !== 200) throw new Error(`demo sign-in failed for a ${username}: ${res.statusCode}`);
  const c = res.cookies.find((x) => x.name === 'pd_session');
  if (!c) throw new Error('no session cookie');
  return `pd_session=${c.value}`;
}

/** Anonymous, every demo staff role (signed in through the real login route) and the demo citizen. */
export async function demoActors(app: FastifyInstance, db: Db): Promise<Actor[]> {
  const accounts = await seedDemoAccounts(db, testConfig().secret);
  const actors: Actor[] = [{ name: 'anonymous', headers: {} }];
  for (const a of accounts) {
    if (a.role === 'citizen') continue;
    const actor: Actor = { name: `${a.role}:${a.login}`, headers: {} };
    actor.refresh = async () => {
      // A browser sends its Origin on every write: without it the same-origin check refuses the
      // request before its input is read, and the fuzz would test nothing behind it.
      actor.headers = {
        cookie: await login(app, a.login, demoPassword(a.role), a.totpSecret),
        origin: SITE_ORIGIN,
      };
    };
    await actor.refresh();
    actors.push(actor);
  }
  const citizen: Actor = { name: 'citizen', headers: {} };
  citizen.refresh = async () => {
    citizen.headers = (await signInCitizen(app, DEMO_CITIZEN_PHONE)).headers;
  };
  await citizen.refresh();
  actors.push(citizen);
  return actors;
}

function fieldsFor(params: { name: string; schema?: JsonSchema }[]): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params) record[p.name] = valueFor(p.schema);
  return fc.record(record, { requiredKeys: [] });
}

/** Inputs for one operation: its parameters and body from the document, hostile values mixed in. */
export function inputFor(ops: Operation[], opIndex: number, actorCount: number): fc.Arbitrary<FuzzInput> {
  const op = ops[opIndex]!;
  const body: fc.Arbitrary<unknown> = op.body
    ? fc.oneof({ weight: 6, arbitrary: valueFor(op.body) }, { weight: 1, arbitrary: fc.constant(undefined) })
    : op.takesBody
      ? fc.oneof(fc.constant(undefined), hostileJson)
      : fc.constant(undefined);
  return fc.record({
    op: fc.constant(opIndex),
    actor: fc.nat({ max: actorCount - 1 }),
    path: fc.record(
      Object.fromEntries(op.pathParams.map((p) => [p.name, valueFor(p.schema)])),
    ) as fc.Arbitrary<Record<string, unknown>>,
    query: fieldsFor(op.query),
    body,
    rawSegment: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', 'x'.repeat(600)) },
    ),
  });
}

/** URLs carry UTF-8: a lone surrogate becomes U+FFFD, as a browser would send it. */
function enc(text: string): string {
  return encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

export function urlFor(op: Operation, input: FuzzInput): string {
  let path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (input.rawSegment !== null) return input.rawSegment;
    const text = asText(input.path[name]);
    // An empty segment would be another route; the hostile empty string is tested in the query and body.
    return enc(text === '' ? '-' : text);
  });
  if (input.rawSegment !== null && !op.pathParams.length) path += input.rawSegment;
  const qs = Object.entries(input.query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${enc(k)}=${enc(asText(v))}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}

export interface Finding {
  operation: string;
  actor: string;
  status: number;
  problem: string;
  body: string;
}

const CODES = new Set(Object.keys(ERRORS));

/** Strings sent that must never come back in an error (paths and personal data are not echoed). */
function sentStrings(input: FuzzInput): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && v.length >= 12 && !/^[\w.-]+$/.test(v)) out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk([input.path, input.query, input.body]);
  return out;
}

/** The problem with a response, or null: any 5xx, or an error body outside the catalogue's format. */
export function problemWith(res: LightMyRequestResponse, input: FuzzInput): string | null {
  if (res.statusCode >= 500) return `status ${res.statusCode}`;
  if (res.statusCode < 400) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    return 'error body is not JSON';
  }
  const error = (parsed as { error?: Record<string, unknown> }).error;
  if (!error || typeof error !== 'object') return 'no error object';
  if (typeof error.code !== 'string' || !CODES.has(error.code)) return `code outside the catalogue`;
  const message = error.message as { vi?: unknown; en?: unknown } | undefined;
  if (typeof message?.vi !== 'string' || typeof message.en !== 'string') return 'no vi/en message';
  if (typeof error.requestId !== 'string') return 'no requestId';
  if (error.details !== undefined && !Array.isArray(error.details)) return 'details is not a list';
  for (const s of sentStrings(input)) if (res.body.includes(s)) return 'error echoes a value that was sent';
  if (input.rawSegment && res.body.includes(input.rawSegment)) return 'error echoes the path';
  return null;
}

/** Sends one fuzzed request; a signed-out actor signs in again before its next request. */
export async function send(
  app: FastifyInstance,
  ops: Operation[],
  actors: Actor[],
  input: FuzzInput,
): Promise<{ res: LightMyRequestResponse; finding: Finding | null }> {
  const op = ops[input.op]!;
  const actor = actors[input.actor]!;
  const headers: Record<string, string> = { ...actor.headers };
  if (input.body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.inject({
    method: op.method as 'GET',
    url: urlFor(op, input),
    headers,
    remoteAddress: nextIp(),
    ...(input.body !== undefined ? { payload: JSON.stringify(input.body) } : {}),
  });
  const problem = problemWith(res, input);
  if (res.statusCode === 401 && actor.refresh && Date.now() >= (actor.retryAt ?? 0)) {
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: actor.headers });
    // A fuzzed sign-out ended the session. Signing in again may be rate limited (one-time codes per
    // phone): the actor then goes on signed out for a minute and tries again.
    if (me.statusCode === 401) await actor.refresh().catch(() => (actor.retryAt = Date.now() + 60_000));
  }
  return {
    res,
    finding: problem
      ? {
          operation: `${op.method} ${op.path}`,
          actor: actor.name,
          status: res.statusCode,
          problem,
          body: res.body.slice(0, 300),
        }
      : null,
  };
}

export { hostileString };
