import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, ROLES, type Role } from '@phongdich/contracts';
import { AppError } from '../errors';
import { ANONYMOUS, type Actor } from './actor';
import type { Location } from './jurisdiction';
import { authorize, can, canAt } from './policy';

/**
 * Targets relative to the actors below, who all work in or above Phường Phúc Xá (00001),
 * Quận Ba Đình (001), Hà Nội (01):
 * C same commune · D same district, other commune · P other province · N a record with no location.
 */
const TARGETS: Record<'C' | 'D' | 'P' | 'N', Location> = {
  C: { provinceCode: '01', districtCode: '001', communeCode: '00001' },
  D: { provinceCode: '01', districtCode: '001', communeCode: '00004' },
  P: { provinceCode: '79', districtCode: '769', communeCode: '26800' },
  N: { provinceCode: null, districtCode: null, communeCode: null },
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
  steering_committee: '01',
  verifier: '00001',
  hotline_operator: '01',
};

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
 * The expected decision for every cell, written out by hand (Y allow, N deny) in the column order C D P N,
 * one group per action in this order:
 *   person.read  person.search  person.create  person.update  person.merge  person.breakGlass
 *   unit.read    audit.read     audit.export   account.manage outbox.readDevInbox stats.readAggregates
 */
// prettier-ignore
const EXPECTED: Record<Role | 'anonymous', string> = {
  //                  read search create update merge glass unit audR audX acct inbox stats
  national_admin:    'YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY YYYY',
  province_officer:  'YYNN YYNN YYNN YYNN YYNN YYYY YYYY NNNN NNNN YYNN YYYY YYNN',
  district_officer:  'YYNN YYNN YYNN YYNN YYNN YYYY YYYY NNNN NNNN YYNN YYYY YYNN',
  commune_officer:   'YNNN YNNN YNNN YNNN YNNN YYYY YYYY NNNN NNNN NNNN YYYY YNNN',
  venue_manager:     'NNNN YNNN YNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN YYYY NNNN',
  sampler:           'YNNN YNNN YNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN YYYY NNNN',
  lab_technician:    'YYNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN YYYY NNNN',
  lab_supervisor:    'YYNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN YYYY NNNN',
  vaccinator:        'YNNN YNNN YNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN YYYY NNNN',
  quarantine_officer:'YYNN YYNN YYNN YYNN NNNN YYYY YYYY NNNN NNNN NNNN YYYY NNNN',
  steering_committee:'NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN YYYY YYNN',
  verifier:          'NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN YYYY NNNN',
  hotline_operator:  'YYNN YYNN YYNN NNNN NNNN YYYY YYYY NNNN NNNN NNNN YYYY NNNN',
  citizen:           'NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN YYYY NNNN',
  anonymous:         'NNNN NNNN NNNN NNNN NNNN NNNN YYYY NNNN NNNN NNNN YYYY NNNN',
};

describe('policy matrix: role × jurisdiction × action', () => {
  it('covers every role and every action', () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...ROLES, 'anonymous'].sort());
    for (const row of Object.values(EXPECTED)) assert.equal(row.split(' ').length, ACTIONS.length);
  });

  for (const who of [...ROLES, 'anonymous'] as const) {
    it(`${who}`, () => {
      const actor = actorFor(who);
      const groups = EXPECTED[who].split(' ');
      ACTIONS.forEach((action, i) => {
        const cells = groups[i]!;
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
      });
    });
  }
});
