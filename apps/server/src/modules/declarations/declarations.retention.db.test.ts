import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { monthlyPartitions } from '../../core/db/partitions';
import { citizen, ctx, input } from '../people/people.fixtures';
import { peopleMeService } from '../people';
import { ensureDeclarationPartitions, insertQuestionSet } from './declarations.repository';
import {
  declarationRetentionDays,
  holdDeclarations,
  retentionCutoff,
  runDeclarationRetention,
} from './declarations.retention';
import { declarationsService } from './declarations.service';
import { declarationFacts, latestDeclarationAt } from './declarations.status';

const DAY = 24 * 60 * 60 * 1000;
const monthsAgo = (n: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 10, 8));
};

/** A declaration row written as it would have been on `at` (the partition for that month must exist). */
async function insertAt(db: Db, personId: string, at: Date, facts: string[] = []): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into declarations (person_id, kind, question_set_version, answers, has_warning, fact_kinds,
       commune_code, district_code, province_code, created_at)
     values ($1, 'domestic', 'domestic-2021.1', '{}', $2, $3, '00001', '001', '01', $4) returning id`,
    [personId, facts.length > 0, facts, at],
  );
  return rows[0]!.id;
}

for (const target of dbTargets()) {
  describe(`declarations: partitions, retention, status, versions (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      await ensureDeclarationPartitions(db, monthsAgo(4), 6);
    });
    after(async () => db.close());

    it('drops whole expired months but keeps what an investigation holds', async () => {
      const held = crypto.randomUUID();
      const gone = crypto.randomUUID();
      const old = monthsAgo(3);
      const heldId = await insertAt(db, held, old);
      await insertAt(db, gone, old);
      const recent = await insertAt(db, gone, new Date(Date.now() - DAY));
      await holdDeclarations(db, {
        personId: held,
        until: new Date(Date.now() + 90 * DAY),
        reason: 'Điều tra ổ dịch',
        accountId: null,
      });

      const now = new Date();
      const dropped = await runDeclarationRetention(db, now, 30);
      const oldName = `declarations_p${old.getUTCFullYear()}_${String(old.getUTCMonth() + 1).padStart(2, '0')}`;
      assert.ok(dropped.includes(oldName), `dropped ${dropped.join(',')}`);
      const left = (await monthlyPartitions(db, 'declarations')).map((p) => p.name);
      assert.ok(!left.includes(oldName));
      assert.ok(left.every((n) => !dropped.includes(n)));
      // Every partition left ends after the cutoff: nothing expired survives except held rows.
      const cutoff = retentionCutoff(now, 30);
      assert.ok((await monthlyPartitions(db, 'declarations')).every((p) => p.to > cutoff));

      const ids = (
        await db.query<{ id: string }>('select id from declarations_all where person_id = any($1::uuid[])', [
          [held, gone],
        ])
      ).map((r) => r.id);
      assert.deepEqual(ids.sort(), [heldId, recent].sort());
      assert.equal((await latestDeclarationAt(db, held))?.toISOString(), old.toISOString());

      // Once the hold lapses, the held copy goes at the next run.
      await db.query('update declaration_holds set held_until = $1 where person_id = $2', [
        new Date(Date.now() - DAY),
        held,
      ]);
      await runDeclarationRetention(db, new Date(), 30);
      assert.equal(await latestDeclarationAt(db, held), null);
    });

    it('reads the retention period from the environment', () => {
      assert.equal(declarationRetentionDays({}), 30);
      assert.equal(declarationRetentionDays({ PHONGDICH_DECLARATION_RETENTION_DAYS: '7' }), 7);
      assert.throws(() => declarationRetentionDays({ PHONGDICH_DECLARATION_RETENTION_DAYS: 'lâu' }));
    });

    it('turns only the last 14 days of warning answers into status facts', async () => {
      const person = crypto.randomUUID();
      await insertAt(db, person, new Date(Date.now() - 20 * DAY), ['symptoms_reported']);
      const recentId = await insertAt(db, person, new Date(Date.now() - 2 * DAY), [
        'contact_reported',
        'symptoms_reported',
      ]);
      await insertAt(db, person, new Date(Date.now() - DAY));
      const facts = await declarationFacts(db, person, new Date());
      assert.deepEqual(facts.map((f) => [f.source, f.kind, f.data?.declarationId]).sort(), [
        ['declaration', 'contact_reported', recentId],
        ['declaration', 'symptoms_reported', recentId],
      ]);
    });

    it('a new question set version changes the questions without code, and declarations record it', async () => {
      const service = declarationsService(db);
      const current = await service.questions('domestic');
      assert.equal(current.version, 'domestic-2021.1');
      await insertQuestionSet(db, {
        version: 'domestic-2099.1',
        kind: 'domestic',
        effectiveFrom: '2099-01-01T00:00:00Z',
        questions: [],
      });
      assert.equal((await service.questions('domestic')).version, 'domestic-2021.1');
      const questions = [
        ...current.questions.filter((q) => q.id !== 'places_visited'),
        {
          id: 'vaccinated',
          type: 'yes_no' as const,
          required: true,
          label: { vi: 'Đã tiêm vắc xin?', en: 'Vaccinated?' },
        },
      ];
      await insertQuestionSet(db, {
        version: 'domestic-2021.2',
        kind: 'domestic',
        effectiveFrom: new Date(Date.now() - DAY).toISOString(),
        questions,
      });
      assert.equal((await service.questions('domestic')).version, 'domestic-2021.2');

      const c = await citizen(db, '+84977000111');
      const own = await peopleMeService(db).createOwn(
        ctx(c),
        input({ fullName: 'Phạm Văn Đông', phones: [] }),
      );
      const answers = {
        symptoms: [],
        contact_case: false,
        contact_outbreak_area: false,
        contact_symptomatic: false,
      };
      await assert.rejects(
        service.submit(ctx(c), { kind: 'domestic', answers }),
        (e: { details?: { field: string }[] }) =>
          (e.details ?? []).some((d) => d.field === 'answers.vaccinated'),
      );
      await assert.rejects(
        service.submit(ctx(c), {
          kind: 'domestic',
          answers: { ...answers, vaccinated: true, places_visited: 'Hồ Tây' },
        }),
      );
      const res = await service.submit(ctx(c), {
        kind: 'domestic',
        answers: { ...answers, vaccinated: true },
      });
      assert.equal(res.body.questionSetVersion, 'domestic-2021.2');
      assert.equal(res.body.personId, own.id);
      assert.ok((await latestDeclarationAt(db, own.id))! > new Date(Date.now() - 60_000));
    });
  });
}
