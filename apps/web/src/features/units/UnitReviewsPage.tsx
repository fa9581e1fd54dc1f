import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { MoveReview } from '@phongdich/contracts/geo';
import { ReviewGroup } from './ReviewGroup';

/** Open reviews of one old unit (same old path and reason) belong together: one choice for all. */
function groupsOf(items: MoveReview[]): MoveReview[][] {
  const groups = new Map<string, MoveReview[]>();
  for (const i of items) {
    const key = `${i.oldPath}|${i.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.values()];
}

/**
 * The province officer's list of records the move did not guess: each group shows the old commune
 * and the new communes it went into; the officer picks one for the records ticked (all by default).
 * Each record is resolved on its own (audited), so an interrupted choice leaves the rest listed.
 */
export default function UnitReviewsPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<MoveReview[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api
        .get<{ items: MoveReview[] }>('/api/units/move/reviews', { limit: 500 })
        .then((r) => setItems(r.items))
        .catch(setError),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  async function apply(ids: string[], unitCode: string, name: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    let n = 0;
    try {
      for (const id of ids) {
        await api.post(`/api/units/move/reviews/${encodeURIComponent(id)}/resolve`, { unitCode });
        n++;
      }
    } catch (e) {
      setError(e);
    } finally {
      if (n) setDone(t('unitMove.applied', { count: n, name }));
      setBusy(false);
      await load();
    }
  }

  return (
    <section>
      <h1>{t('unitMove.reviewsTitle')}</h1>
      <p className="hint">{t('unitMove.reviewsIntro')}</p>
      <ErrorBanner error={error} />
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      {items && items.length === 0 && <p>{t('unitMove.reviewsNone')}</p>}
      {items && items.length > 0 && (
        <ul className="cards">
          {groupsOf(items).map((g) => (
            <ReviewGroup key={`${g[0]!.oldPath}|${g[0]!.reason}`} items={g} busy={busy} onApply={apply} />
          ))}
        </ul>
      )}
    </section>
  );
}
