import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, ROLES, SYSTEM_ROLE, type Action, type Role } from '@phongdich/contracts';
import { AppError } from '../errors';
import { ANONYMOUS, systemActor, type Actor } from './actor';
import { jurisdictionSql, NOWHERE, type Location } from './jurisdiction';
import { authorize, can, canAt, requiresJurisdiction, roleOf } from './policy';

/**
 * Targets relative to the actors below, who all work in or above Phường Phúc Xá (00001),
 * Quận Ba Đình (001), Hà Nội (01):
 * C same commune · D same district, other commune · P other province · N a record with no location.
 */
const TARGETS: Record<'C' | 'D' | 'P' | 'N', Location> = {
  C: { provinceCode: '01', districtCode: '001', communeCode: '00001', structure: 'pre2025' },
  D: { provinceCode: '01', districtCode: '001', communeCode: '00004', structure: 'pre2025' },
  P: { provinceCode: '79', districtCode: '769', communeCode: '26800', structure: 'pre2025' },
  N: NOWHERE,
};
const COLUMNS = ['C', 'D', 'P', 'N'] as const;

const UNIT: Record<Exclude<Role, 'citizen'>, string | null> = {
  national_admin: null,
  province_officer: '01',
  district_officer: '001',
  commune_officer: '00001',
  venue_manager: '00001',
  sampler: '00001',
  lab_technician: '001',
  lab_supervisor: '001',
  vaccinator: '00001',
  quarantine_officer: '001',
  community_team: '00001',
  steering_committee: '01',
  verifier: '00001',
  hotline_operator: '01',
};

/**
 * The same cells on a 2025 deployment, where Ba Đình is a commune (00004) of Hà Nội and there are no
 * districts: C Phường Ba Đình · D Phường Ngọc Hà, same province · P Phường Sài Gòn · N no location.
 * District-level accounts of the old map sit at the province on the new one, except the district
 * officer, who has no unit to sit at (checked on its own below).
 */
const TARGETS_2025: Record<'C' | 'D' | 'P' | 'N', Location> = {
  C: { provinceCode: '01', districtCode: null, communeCode: '00004', structure: '2025' },
  D: { provinceCode: '01', districtCode: null, communeCode: '00008', structure: '2025' },
  P: { provinceCode: '79', districtCode: null, communeCode: '26734', structure: '2025' },
  N: NOWHERE,
};
const UNIT_2025 = (who: Exclude<Role, 'citizen'>): string | null => {
  const old = UNIT[who];
  return old === null ? null : old.length === 3 ? '01' : old === '00001' ? '00004' : old;
};

function actor2025(who: Role | 'anonymous'): Actor {
  const a = actorFor(who);
  if (a.kind !== 'staff') return a;
  const unitCode = UNIT_2025(a.role);
  const unitLevel = unitCode === null ? null : unitCode.length === 2 ? 'province' : 'commune';
  return { ...a, unitCode, unitStructure: '2025', unitLevel };
}

function actorFor(who: Role | 'anonymous'): Actor {
  if (who === 'anonymous') return ANONYMOUS;
  if (who === 'citizen') return { kind: 'citizen', accountId: 'c1', personId: null, role: 'citizen' };
  return {
    kind: 'staff',
    accountId: `a-${who}`,
    role: who,
    unitCode: UNIT[who],
    facilityId: null,
    displayName: who,
  };
}

/**
 * The expected decision for every cell, written out by hand (Y allow, N deny): one line per action, keyed by
 * its name (so modules add their own lines without touching others'), with one group of four cells
 * (targets C D P N) per role in ROLE_ORDER.
 */
// The column groups follow ROLES' order (reordering ROLES makes this matrix fail loudly), then anonymous.
const ROLE_ORDER = [...ROLES, 'anonymous'] as const;

// prettier-ignore
const EXPECTED: Record<Action, string> = {
  //                        nat  prov dist comm venu samp labT labS vacc quar comt steer veri hotl citi anon
  'person.read':           'YYYY YYNN YYNN YNNN NNNN YNNN YYNN YYNN YNNN YYNN NNNN NNNN NNNN YYNN NNNN NNNN',
  'person.search':         'YYYY YYNN YYNN YNNN NNNN YNNN NNNN NNNN YNNN YYNN NNNN NNNN NNNN YYNN NNNN NNNN',
  'person.create':         'YYYY YYNN YYNN YNNN NNNN YNNN NNNN NNNN YNNN YYNN NNNN NNNN NNNN YYNN NNNN NNNN',
  'person.update':         'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'person.merge':          'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'person.breakGlass':     'YYYY YYYY YYYY YYYY NNNN NNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN YYYY NNNN NNNN',
  'unit.read':             'YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY',
  'audit.read':            'YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'audit.export':          'YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'account.manage':        'YYYY YYNN YYNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'outbox.readDevInbox':   'YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY',
  'stats.readAggregates':  'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN',
  'qr.personal':           'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  'qrCard.manage':         'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'scan.resolve':          'YYYY YYYY YYYY YYYY YYYY YYYY NNNN NNNN YYYY YYYY NNNN NNNN YYYY YYYY NNNN NNNN',
  'status.read':           'YYYY YYNN YYNN YNNN NNNN YNNN NNNN NNNN YNNN YYNN NNNN NNNN NNNN YYNN NNNN NNNN',
  'declaration.submit':    'YYYY YYYY YYYY YYYY YYYY YYYY NNNN NNNN YYYY YYYY NNNN NNNN NNNN YYYY YYYY NNNN',
  'declaration.read':      'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'declaration.hold':      'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'venue.register':        'YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY NNNN',
  'venue.read':            'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN',
  'venue.review':          'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'venue.manage':          'YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY NNNN',
  'keys.manage':           'YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'events.manage':         'YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'worklist.read':         'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'worklist.update':       'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'testing.session.manage':'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'testing.sample':        'NNNN NNNN NNNN NNNN NNNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'testing.labels':        'YYYY YYNN YYNN YNNN NNNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'testing.ship':          'YYYY YYNN YYNN YNNN NNNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'testing.receive':       'NNNN NNNN NNNN NNNN NNNN NNNN YYYY YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'testing.register':      'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  'checkin.create':        'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  'checkin.record':        'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'checkin.trace':         'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'checkin.hold':          'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'lab.result.enter':      'NNNN NNNN NNNN NNNN NNNN NNNN YYYY YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'lab.result.verify':     'NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'lab.upload':            'NNNN NNNN NNNN NNNN NNNN NNNN YYYY YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'results.readOwn':       'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  'certificate.verify':    'YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY',
  'certificate.revoke':    'YYYY YYNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'testing.figures':       'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN',
  'units.move':            'YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'units.review':          'YYYY YYNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'vaccination.catalogue.read':'YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY',
  'vaccination.catalogue.manage':'YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'vaccination.site.read': 'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'vaccination.site.manage':'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'vaccination.book':      'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  'vaccination.readOwn':   'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  'vaccination.administer':'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'vaccination.aefi.report':'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  // tracing (issue #13)
  'contact.read':          'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'contact.manage':        'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'contact.readOwn':       'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  'proximity.ids':         'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  'proximity.code':        'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'proximity.upload':      'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  'cluster.read':          'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'cluster.manage':        'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'case.read':             'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN YYNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'case.manage':           'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'case.report':           'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN',
  'case.readOwn':          'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN',
  'case.homeCare':         'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN',
  'vaccination.import':    'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'vaccination.correction.file':'NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN YYYY YYYY NNNN',
  'vaccination.correction.review':'YYYY YYNN YYNN YNNN NNNN NNNN NNNN NNNN YNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
  'trustlist.manage':      'YYYY NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN NNNN',
};

describe('policy matrix: role × jurisdiction × action', () => {
  it('covers every role and every action', () => {
    assert.deepEqual([...ROLE_ORDER].sort(), [...ROLES, 'anonymous'].sort());
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...ACTIONS].sort());
    for (const row of Object.values(EXPECTED)) assert.equal(row.split(' ').length, ROLE_ORDER.length);
  });

  ROLE_ORDER.forEach((who, r) => {
    it(`${who}`, () => {
      const actor = actorFor(who);
      for (const action of ACTIONS) {
        const cells = EXPECTED[action].split(' ')[r]!;
        assert.equal(can(actor, action), cells.includes('Y'), `${who} may attempt ${action}`);
        COLUMNS.forEach((col, j) => {
          const allowed = cells[j] === 'Y';
          const where = `${who} ${action} at ${col}`;
          assert.equal(canAt(actor, action, TARGETS[col]), allowed, where);
          let thrown: AppError | undefined;
          try {
            authorize(actor, action, TARGETS[col]);
          } catch (err) {
            thrown = err as AppError;
          }
          if (allowed) assert.equal(thrown, undefined, where);
          else assert.equal(thrown?.code, who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', where);
        });
      }
    });
  });
});

describe('policy matrix on a 2025 deployment (province → commune)', () => {
  ROLE_ORDER.filter((who) => who !== 'district_officer').forEach((who) => {
    const r = ROLE_ORDER.indexOf(who);
    it(`${who}`, () => {
      const actor = actor2025(who);
      for (const action of ACTIONS) {
        const cells = EXPECTED[action].split(' ')[r]!;
        COLUMNS.forEach((col, j) => {
          assert.equal(
            canAt(actor, action, TARGETS_2025[col]),
            cells[j] === 'Y',
            `${who} ${action} at ${col}`,
          );
        });
      }
    });
  });

  it('a district officer has no district to work in: every area-bound action is refused', () => {
    const actor = { ...actorFor('district_officer'), unitStructure: '2025', unitLevel: null } as Actor;
    const areaBound = ACTIONS.filter((a) => requiresJurisdiction(a) && can(actor, a));
    assert.ok(areaBound.includes('person.read'));
    for (const action of areaBound)
      for (const col of ['C', 'D', 'P'] as const)
        assert.equal(canAt(actor, action, TARGETS_2025[col]), false, `district officer ${action} at ${col}`);
  });

  it('a 2025 officer does not reach an old-map record that happens to carry the same codes', () => {
    const commune = actor2025('commune_officer');
    assert.equal(canAt(commune, 'person.read', { ...TARGETS_2025.C, structure: 'pre2025' }), false);
    assert.equal(canAt(commune, 'person.read', TARGETS_2025.C), true);
  });
});

describe('the system actor (event handlers, jobs, the demo seed, the command line)', () => {
  const system = systemActor('test.handler');

  it('is allowed only the actions the platform takes under its own name, everywhere', () => {
    const allowed = ACTIONS.filter((a) => can(system, a));
    assert.deepEqual(allowed.sort(), ['units.move', 'units.review']);
    for (const col of COLUMNS) assert.equal(canAt(system, 'units.review', TARGETS[col]), true);
    // Not even what any caller may do: the system is no account and answers no request.
    assert.equal(can(system, 'unit.read'), false);
    assert.throws(() => authorize(system, 'person.read', TARGETS.C), /FORBIDDEN|role may not/);
  });

  it('is named system, with no account role and national reach', () => {
    assert.equal(system.role, SYSTEM_ROLE);
    assert.equal(system.accountId, 'system:test.handler');
    assert.equal(roleOf(system), null);
    assert.ok(!(ROLES as readonly string[]).includes(SYSTEM_ROLE), 'no account can be given the role');
    assert.equal(jurisdictionSql(system, 'x', 1).sql, 'true');
  });
});
