import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../test-support/test-db';
import { buildTestApp } from '../test-support/test-app';
import type { Db } from '../core/db/db';
import { demoActors, inputFor, readOperations, send, type Actor, type Operation } from './fuzz-harness';

/**
 * Every operation of the served OpenAPI document, with inputs generated from its schemas and hostile
 * strings and numbers mixed in, as anonymous and each demo role: no 5xx, and every error in the
 * catalogue's format without echoing what was sent. CI runs a bounded number of cases per operation;
 * `npm run fuzz -- --requests 100000` is the release run.
 */
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 10);

for (const target of dbTargets()) {
  describe(`fuzzing the API from its OpenAPI document (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let ops: Operation[];
    let actors: Actor[];
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      ops = await readOperations(app);
      actors = await demoActors(app, db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('covers every operation as anonymous and each demo role', () => {
      assert.ok(ops.length >= 100, `${ops.length} operations in the document`);
      const roles = actors.map((a) => a.name.split(':')[0]);
      for (const r of ['anonymous', 'citizen', 'national_admin', 'lab_technician', 'venue_manager'])
        assert.ok(roles.includes(r), r);
    });

    it('no 5xx and no error outside the error format', async () => {
      const failures: string[] = [];
      for (let i = 0; i < ops.length; i++) {
        const property = fc.asyncProperty(inputFor(ops, i, actors.length), async (input) => {
          const { finding } = await send(app, ops, actors, input);
          if (finding)
            throw new Error(`${finding.status} ${finding.problem} as ${finding.actor}: ${finding.body}`);
        });
        try {
          await fc.assert(property, { numRuns: RUNS_PER_OPERATION, maxSkipsPerRun: 0 });
        } catch (err) {
          failures.push(`${ops[i]!.method} ${ops[i]!.path}: ${(err as Error).message.slice(0, 1500)}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  });
}
