import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterExpansion, ClusterView } from '@phongdich/contracts/tracing';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';

/**
 * What an officer does with a cluster, on its card and on its page: a proposed one is confirmed with
 * the name the officers will use, a confirmed one is closed; F2 for the whole cluster on its page.
 */
export function ClusterActions({
  c,
  onChange,
  expand = false,
}: {
  c: Pick<ClusterView, 'id' | 'name' | 'status'>;
  onChange: () => void;
  expand?: boolean;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(c.name ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [expanded, setExpanded] = useState<ClusterExpansion | null>(null);
  async function act(run: () => Promise<unknown>) {
    setError(null);
    setBusy(true);
    try {
      await run();
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    void act(() => api.post(`/api/tracing/clusters/${c.id}/confirm`, { name: name.trim() }));
  };
  return (
    <>
      <ErrorBanner error={error} />
      {c.status === 'proposed' && (
        <form onSubmit={confirm}>
          <Field
            label={t('tracing.clusters.name')}
            name="name"
            value={name}
            required
            onChange={(e) => setName(e.target.value)}
            error={error}
          />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('tracing.clusters.confirm')}
          </button>
        </form>
      )}
      {expand && c.status !== 'closed' && (
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            void act(async () =>
              setExpanded(await api.post<ClusterExpansion>(`/api/tracing/clusters/${c.id}/expand`)),
            )
          }
        >
          {t('tracing.clusters.expand')}
        </button>
      )}
      {expanded && (
        <p className="alert alert-ok" role="status" data-testid="cluster-expanded">
          {t('tracing.clusters.expanded', { f1: expanded.expanded, n: expanded.candidates })}
        </p>
      )}
      {c.status === 'confirmed' && (
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => void act(() => api.post(`/api/tracing/clusters/${c.id}/close`))}
        >
          {t('tracing.clusters.close')}
        </button>
      )}
    </>
  );
}
