/** How far an import has gone: rows done of rows total, and rows that failed. */
export interface ImportProgress {
  rowsTotal: number;
  rowsDone: number;
  rowsFailed: number;
}

/**
 * Runs rows through `apply` in batches, from the first row not yet done (`doneRows`, as the job last
 * recorded it), so a job stopped by a crash goes on where its last committed batch ended. `apply` commits
 * one batch in one transaction together with the new progress: a row is applied whole or not at all.
 */
export async function runInBatches<R>(
  rows: readonly R[],
  doneRows: number,
  batchSize: number,
  apply: (batch: readonly R[], firstIndex: number) => Promise<void>,
): Promise<void> {
  for (let at = doneRows; at < rows.length; at += batchSize) {
    await apply(rows.slice(at, at + batchSize), at);
  }
}
