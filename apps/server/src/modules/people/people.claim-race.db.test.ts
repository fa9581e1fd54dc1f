import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { peopleMeService } from './people.me.service';
import { peopleWriteService } from './people.write.service';
import { cccdFor, citizen, ctx, input, staff } from './people.fixtures';

/**
 * Issue #8 item 1: citizens registering at the same moment with the same identity number (and an
 * officer registering its holder) must each get the claim path, never DUPLICATE_PERSON (which would
 * tell them the number exists). On PostgreSQL the inserts really race: the loser's unique index check
 * waits for the winner's commit and fails.
 */
for (const target of dbTargets()) {
  describe(`concurrent identity claims (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('every concurrent citizen registration with one new number succeeds; one holds it, the rest claim it', async () => {
      const me = peopleMeService(db);
      for (let round = 0; round < 6; round++) {
        const number = cccdFor(1988, 'female');
        const citizens = await Promise.all(
          Array.from({ length: 6 }, (_, i) => citizen(db, `+8491${round}${String(i).padStart(6, '0')}`)),
        );
        const officer = staff('commune_officer', '00001');
        const outcomes = await Promise.allSettled([
          ...citizens.map((c) =>
            me.createOwn(
              ctx(c),
              input({ fullName: 'Trần Thị Mai', birthDate: '1988-01-02', sex: 'female', cccd: number }),
            ),
          ),
          peopleWriteService(db)
            .create(
              ctx(officer),
              input({ fullName: 'Trần Thị Mai', birthDate: '1988-01-02', sex: 'female', cccd: number }),
            )
            .catch((e: unknown) => ({ officerRefused: (e as { code?: string }).code })),
        ]);
        const citizenOutcomes = outcomes.slice(0, citizens.length);
        assert.deepEqual(
          citizenOutcomes
            .filter((o) => o.status === 'rejected')
            .map((o) => (o as PromiseRejectedResult).reason.code),
          [],
          'no citizen is refused',
        );
        for (const o of citizenOutcomes) {
          const p = (o as PromiseFulfilledResult<{ cccd: string | null }>).value;
          assert.equal(p.cccd, number, 'each citizen sees the number they typed');
        }
        const holders = await db.query<{ n: number }>(
          'select count(*)::int as n from persons where cccd = $1 and merged_into is null',
          [number],
        );
        assert.equal(holders[0]!.n, 1, 'one record holds the number');
        const claims = await db.query<{ n: number }>(
          `select count(*)::int as n from person_history h join accounts a on a.person_id = h.person_id
            where h.kind = 'identity_claim' and h.changes->'claimed'->>'cccd' = $1`,
          [number],
        );
        const officerWon = (outcomes.at(-1) as PromiseFulfilledResult<unknown>).value as {
          officerRefused?: string;
        };
        assert.equal(
          claims[0]!.n,
          citizens.length - (officerWon.officerRefused ? 1 : 0),
          'every citizen without the number waits as a claim',
        );
      }
    });
  });
}
