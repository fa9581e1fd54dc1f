import type { Queryable } from '../../core/db/db';

/**
 * A tube is `resulted` once its result is released (until then the lab still has it pending): the
 * lab's release says so through this, in its own transaction; the tube is sampling's.
 */
export async function markTubesResulted(q: Queryable, barcodes: readonly string[]): Promise<void> {
  await q.query(
    `update tubes set status = 'resulted', updated_at = now() where barcode = any($1::text[]) and status = 'received'`,
    [[...barcodes]],
  );
}
