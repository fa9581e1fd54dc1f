import pg from 'pg';
import type { Db, Param, Queryable } from './db';
import { typeParsers } from './type-parsers';

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params?: readonly Param[]) {
      const res = await client.query({ text: sql, values: params ? [...params] : undefined, types });
      return res.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/** A PostgreSQL server through a connection pool. */
export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client dropped by the server (restart, admin termination) must not crash the process:
  // the pool discards it and the next query opens a fresh connection.
  pool.on('error', () => undefined);
  // Fail fast at start if the server is unreachable.
  await pool.query('select 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // A connection lost while the transaction holds it (a database restart) emits 'error' on the
      // client between queries; unheard, that event kills the process. Heard, the transaction fails
      // (its next query rejects) and the broken client is discarded, not returned to the pool.
      let lost: Error | undefined;
      const onError = (err: Error) => {
        lost = err;
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (err) {
        if (!lost) await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.off('error', onError);
        client.release(lost ?? undefined);
      }
    },
    close: () => pool.end(),
  };
}
