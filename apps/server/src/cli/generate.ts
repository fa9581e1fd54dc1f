import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db/open';
import { migrate } from '../core/db/migrate';
import { loadReferenceData } from '../core/db/reference-data';
import { generatePeople } from '../demo/generate-people';

/**
 * `npm run generate -- --people 1000000 [--seed 2021] [--province 79] [--bulk]`: deterministic people for
 * province- or national-scale benchmarks, into DATABASE_URL or the embedded database.
 */
const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '2021' },
    province: { type: 'string' },
    batch: { type: 'string', default: '5000' },
    bulk: { type: 'boolean', default: false },
  },
});
const count = Number(values.people);
const db = await openDatabase(loadConfig());
try {
  await migrate(db);
  await loadReferenceData(db);
  let last = 0;
  const { inserted, ms } = await generatePeople(db, {
    count,
    seed: Number(values.seed),
    provinceCode: values.province,
    batchSize: Number(values.batch),
    bulk: values.bulk,
    onProgress: (done) => {
      if (done - last >= 100_000 || done === count) {
        last = done;
        process.stdout.write(`\r${done.toLocaleString('en')} / ${count.toLocaleString('en')}`);
      }
    },
  });
  console.log(
    `\ninserted ${inserted} people in ${(ms / 1000).toFixed(1)} s (${Math.round(inserted / (ms / 1000))} /s)`,
  );
} finally {
  await db.close();
}
