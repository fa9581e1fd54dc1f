import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../core/db/db';
import { demoActors, inputFor, readOperations, send, type Finding } from './fuzz-harness';

export interface FuzzReport {
  requests: number;
  operations: number;
  actors: number;
  status5xx: number;
  findings: Finding[];
  byStatus: Record<number, number>;
}

/**
 * Sends `requests` fuzzed requests spread evenly over every operation of the served OpenAPI document,
 * as anonymous and each demo role, and collects every 5xx or off-format error (without stopping).
 */
export async function runFuzz(
  app: FastifyInstance,
  db: Db,
  opts: { requests: number; seed: number; onProgress?: (done: number) => void },
): Promise<FuzzReport> {
  const ops = await readOperations(app);
  const actors = await demoActors(app, db);
  const perOp = Math.max(1, Math.ceil(opts.requests / ops.length));
  const report: FuzzReport = {
    requests: 0,
    operations: ops.length,
    actors: actors.length,
    status5xx: 0,
    findings: [],
    byStatus: {},
  };
  // Round after round over every operation, so a short run still reaches them all.
  const chunk = 50;
  for (let round = 0; round * chunk < perOp; round++) {
    const n = Math.min(chunk, perOp - round * chunk);
    for (let i = 0; i < ops.length; i++) {
      const inputs = fc.sample(inputFor(ops, i, actors.length), {
        numRuns: n,
        seed: opts.seed + round * 7919 + i,
      });
      for (const input of inputs) {
        const { res, finding } = await send(app, ops, actors, input);
        report.requests++;
        report.byStatus[res.statusCode] = (report.byStatus[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 500) report.status5xx++;
        if (finding) report.findings.push(finding);
      }
    }
    opts.onProgress?.(report.requests);
  }
  return report;
}
