import { randomUUID } from 'node:crypto';
import type { Db } from '../../apps/server/src/core/db/db';

/** A bench lab and one mass-sampling session sending to it (Phúc Xá), for the lab benchmarks' tubes. */
export async function benchLabAndSession(db: Db): Promise<{ lab: string; session: string }> {
  const lab = (
    await db.query<{ id: string }>(
      `insert into labs (code, name, commune_code, district_code, province_code) values ($1, 'Bench lab', '00001', '001', '01') returning id`,
      [`BENCH-${randomUUID().slice(0, 6).toUpperCase()}`],
    )
  )[0]!.id;
  const session = (
    await db.query<{ id: string }>(
      `insert into testing_sessions (name, kind, test_type, session_date, pool_size, lab_id, commune_code, district_code, province_code)
       values ('bench', 'mass', 'rt_pcr', current_date, 1, $1, '00001', '001', '01') returning id`,
      [lab],
    )
  )[0]!.id;
  return { lab, session };
}
