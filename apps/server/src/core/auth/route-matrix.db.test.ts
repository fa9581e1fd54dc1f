import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { normalizeVnMobile } from '@phongdich/domain';
import type { Db } from '../db/db';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import {
  CHILD,
  PERSON,
  PERSON_PHONE,
  RECORD_AREA,
  matrixFixtures,
  type Caller,
  type MatrixFixtures,
} from '../../test-support/route-matrix.fixtures';
import { sample } from '../../test-support/schema-sample';
import { inJurisdiction } from './jurisdiction';
import { can, canAt, requiresJurisdiction } from './policy';
import { ROUTE_POLICIES, routeKey, routesOf, type RouteEntry, type RoutePolicy } from './route-policy';

/**
 * Issue #8 item 6: every API route (read from the app's own route table) × every kind of account, on
 * real records of one area. Each answer is classed allow (not 401/403) or deny (not 2xx) against what
 * the route declares in ROUTE_POLICIES, and no 2xx answer to an account outside the person's reach may
 * carry any of the person's values (name, CCCD, phone, street, their child's name) or the ids of their
 * declaration, hold or worklist item: that is a leak, whatever the status.
 */
type Expectation = 'allow' | 'deny' | 'any';

const MARKERS = [
  PERSON.fullName,
  PERSON.cccd,
  normalizeVnMobile(PERSON_PHONE)!,
  PERSON.street,
  CHILD.fullName,
];

/** Answers whose values depend on credentials in the body, not on who calls. */
const CREDENTIAL_CHECKS = new Set(['POST /api/auth/login', 'POST /api/auth/otp/verify']);
/** Ends the caller's session: run after everything else. */
const LAST = 'POST /api/auth/logout';

function expectation(policy: RoutePolicy, key: string, caller: Caller): Expectation {
  const actor = caller.actor;
  if ('public' in policy) return CREDENTIAL_CHECKS.has(key) ? 'any' : 'allow';
  if ('signedIn' in policy) return actor.kind === 'anonymous' ? 'deny' : 'any';
  if ('citizen' in policy) return actor.kind === 'citizen' ? 'allow' : 'deny';
  const { action } = policy;
  const venueStaff = caller.name === 'venueStaffA';
  if (policy.on === 'venue' && action === 'venue.manage') {
    // Owner or staff of the point; officers of its area read it.
    if (venueStaff) return 'allow';
    return !policy.ownerOnly && canAt(actor, 'venue.read', RECORD_AREA) ? 'allow' : 'deny';
  }
  if (actor.kind === 'citizen' && (policy.on || policy.inArea) && policy.citizenOwn)
    return caller.name === 'citizen' ? 'allow' : 'deny';
  if (policy.venueStaff && venueStaff) return 'allow';
  if (!can(actor, action) && !(policy.or && can(actor, policy.or))) return 'deny';
  if (actor.kind !== 'staff') return 'allow';
  const scoped = (policy.on && requiresJurisdiction(action)) || policy.inArea;
  if (scoped && !inJurisdiction(actor, RECORD_AREA)) return policy.masked ? 'allow' : 'deny';
  return 'allow';
}

/** Who may see the person in full: the person themselves and staff who read people of the area. */
function entitled(caller: Caller): boolean {
  if (caller.name === 'citizen') return true;
  return caller.actor.kind === 'staff' && canAt(caller.actor, 'person.read', RECORD_AREA);
}

/** The body names a second record that does not exist (merging one away would spoil the fixtures). */
const ABSENT_BODY_RECORD = new Set(['POST /api/people/:id/merge', 'POST /api/venues/:id/staff/remove']);

/** Break the glass shows a record outside the area on purpose, with a reason, flagged in the audit log. */
const REVEALS_BY_DESIGN = new Set(['POST /api/people/:id/break-glass']);

const CLEAN = { symptoms: [], contact_case: false, contact_outbreak_area: false, contact_symptomatic: false };

/** Bodies that name the records (the schema alone cannot), one request per body. */
const BODY_PROBES: Record<string, (fx: MatrixFixtures) => (object | undefined)[]> = {
  'POST /api/declarations': (fx) => [{ kind: 'domestic', personId: fx.ids.person, answers: CLEAN }],
  'POST /api/people/search': () => [{ idNumber: PERSON.cccd }, { q: PERSON.fullName }],
  'POST /api/scan/resolve': (fx) => [{ code: fx.qrToken }],
  'POST /api/people': () => [
    { fullName: 'Nguyễn Văn Mẫu', birthYear: 1990, sex: 'male', communeCode: '00001' },
  ],
  'POST /api/me/family': () => [
    { fullName: 'Quách Gia Mới', birthYear: 2019, sex: 'male', communeCode: '00001', relation: 'con' },
  ],
};

/** Query strings that name the record's area (the schema's first values name another unit). */
const QUERIES: Record<string, string> = {
  'GET /api/figures/checkins': '?level=commune&unitCode=00001',
};

function requestsFor(route: RouteEntry, fx: MatrixFixtures) {
  const { ids } = fx;
  const pathIds: [string, string][] = [
    ['/api/people/:id', ids.person],
    ['/api/declarations/:id', ids.declaration],
    ['/api/declaration-holds/:id', ids.declarationHold],
    ['/api/worklist/:id', ids.worklistItem],
    ['/api/venues/:id', ids.venue],
    ['/api/cases/:id', ids.case],
  ];
  const realId = pathIds.find(([prefix]) => route.url.startsWith(prefix))?.[1];
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const pick = (name: string): unknown =>
    ({
      personId: ids.person,
      venueId: ids.venue,
      communeCode: '00001',
      unitCode: '00001',
      code: '00001',
      purpose: 'qr',
      reason: 'Điều tra ca bệnh số 17 tại Phúc Xá',
      until: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      kind: route.url.startsWith('/api/declarations') ? 'domestic' : undefined,
      fullName: 'Nguyễn Văn Mẫu',
      birthYear: 1990,
      personIds: [ids.person],
      from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      to: new Date(Date.now() - 60_000).toISOString(),
      idNumber: PERSON.cccd,
      role: 'commune_officer',
    })[name];
  const params = (sample(schema.params, pick) ?? {}) as Record<string, string>;
  if (realId) params.id = realId;
  const url = route.url.replace(/:([A-Za-z]+)/g, (_, p: string) => encodeURIComponent(String(params[p])));
  const query = sample(schema.querystring, pick) as Record<string, unknown> | undefined;
  const qs =
    QUERIES[routeKey(route.method, route.url)] ??
    (query && Object.keys(query).length ? `?${new URLSearchParams(query as never)}` : '');
  const probes = BODY_PROBES[routeKey(route.method, route.url)]?.(fx) ?? [
    schema.body ? (sample(schema.body, pick) as object) : undefined,
  ];
  return probes.map((payload) => ({ method: route.method as 'GET', url: url + qs, payload, realId }));
}

for (const target of dbTargets()) {
  describe(`route × identity matrix (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let fx: MatrixFixtures;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      fx = await matrixFixtures(app, db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('every API route declares its policy, and every declaration names a route', () => {
      const keys = routesOf(app).map((r) => routeKey(r.method, r.url));
      assert.ok(keys.length > 100, `only ${keys.length} routes recorded`);
      assert.deepEqual(
        keys.filter((k) => !(k in ROUTE_POLICIES)),
        [],
        'routes without a policy in core/auth/route-policy.ts',
      );
      assert.deepEqual(
        Object.keys(ROUTE_POLICIES).filter((k) => !keys.includes(k)),
        [],
        'policies for routes that do not exist',
      );
    });

    it('every route answers every identity as its policy says, and leaks nobody', async () => {
      const routes = [...routesOf(app)].sort(
        (a, b) => Number(routeKey(a.method, a.url) === LAST) - Number(routeKey(b.method, b.url) === LAST),
      );
      const problems: string[] = [];
      const tally = { attempts: 0, allowed: 0, denied: 0, neutral4xx: 0, shownToEntitled: 0 };
      for (const route of routes) {
        const key = routeKey(route.method, route.url);
        const policy = ROUTE_POLICIES[key];
        if (!policy) continue; // reported by the test above
        for (const caller of fx.callers) {
          for (const req of requestsFor(route, fx)) {
            const res = await app.inject({ ...req, headers: caller.headers });
            tally.attempts++;
            const expected = expectation(policy, key, caller);
            const s = res.statusCode;
            const where = `${key} as ${caller.name}: ${s}`;
            if (s >= 500) problems.push(`${where} (server error) ${res.body.slice(0, 200)}`);
            else if (expected === 'deny' && s < 300) problems.push(`${where} (expected a refusal)`);
            else if (
              expected === 'allow' &&
              (s === 401 || s === 403 || (s === 404 && req.realId && !ABSENT_BODY_RECORD.has(key)))
            )
              problems.push(
                `${where} (expected access) ${(res.json() as { error?: { code?: string } }).error?.code ?? ''}`,
              );
            if (s < 300) tally.allowed++;
            else if (s === 401 || s === 403 || s === 404) tally.denied++;
            else tally.neutral4xx++;
            const markers = [...MARKERS, fx.ids.declaration, fx.ids.declarationHold, fx.ids.worklistItem];
            const shown = s < 300 ? markers.filter((m) => res.body.includes(m)) : [];
            if (shown.length && entitled(caller)) tally.shownToEntitled++;
            else if (shown.length && !REVEALS_BY_DESIGN.has(key))
              problems.push(`${where} LEAK of ${shown.length} personal value(s)`);
          }
        }
      }
      console.log(`route matrix (${target.name}): ${routes.length} routes`, tally);
      assert.deepEqual(problems, []);
      // The leak detector sees the person where they are meant to be seen (else it could never fire).
      assert.ok(
        tally.shownToEntitled >= 10,
        `person shown to entitled callers ${tally.shownToEntitled} times`,
      );
    });
  });
}
