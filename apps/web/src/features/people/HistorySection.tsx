import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { HistoryItem } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import { useRelationLabel } from './PersonFields';

/** Changes to the record, newest first as the server returns them. `reload` bumps after a merge or edit. */
export function HistorySection({ personId, reload }: { personId: string; reload: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const describe = useDescribeChanges();

  useEffect(() => {
    let current = true;
    api
      .get<{ items: HistoryItem[] }>(`/api/people/${personId}/history`)
      .then((r) => current && setItems(r.items))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [personId, reload]);

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('people.history')}</h2>
      <ErrorBanner error={error} />
      {items?.length === 0 && <p>{t('people.noHistory')}</p>}
      <ol className="cards">
        {items?.map((h, i) => (
          <li key={i} className="card">
            <strong>{t(`personHistory.kinds.${h.kind}`, { defaultValue: h.kind })}</strong> ·{' '}
            <time dateTime={h.at}>{formatDateTime(h.at)}</time>
            {h.actorName && <> · {t('personHistory.by', { name: h.actorName })}</>}
            {h.changes != null && (
              <ul className="history-changes">
                {describe(h.kind, h.changes).map((line, j) => (
                  <li key={j}>{line}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

// Field names as the form labels them; ids of other records are never shown (the link is on the page).
const FIELD_LABEL: Record<string, string> = {
  fullName: 'people.fullName',
  birthDate: 'people.birthDate',
  birthYear: 'people.birthYear',
  sex: 'people.sex',
  nationality: 'people.nationality',
  cccd: 'people.cccd',
  cmnd: 'people.cmnd',
  passport: 'people.passport',
  bhyt: 'people.bhyt',
  phones: 'people.phones',
  communeCode: 'people.commune',
  street: 'people.street',
};

/** One readable line per change: "Họ và tên: A → B", the relation of a new family member, the fields set. */
function useDescribeChanges(): (kind: string, changes: unknown) => string[] {
  const { t } = useTranslation();
  const relationLabel = useRelationLabel();
  const field = (k: string) => {
    const key = FIELD_LABEL[k] as 'people.fullName' | undefined;
    return key ? t(key) : k;
  };
  const value = (k: string, v: unknown): string => {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) {
      return t('personHistory.empty');
    }
    if (k === 'sex' && typeof v === 'string') return t(`sex.${v}`, { defaultValue: v });
    return Array.isArray(v) ? v.join(', ') : String(v);
  };
  return (kind, changes) => {
    if (typeof changes !== 'object' || changes === null) return [];
    const c = changes as Record<string, unknown>;
    if (kind === 'create' && Array.isArray(c.fields)) {
      return [t('personHistory.fieldsSet', { fields: (c.fields as string[]).map(field).join(', ') })];
    }
    if (kind === 'family_link') {
      return typeof c.relation === 'string'
        ? [t('personHistory.relation', { relation: relationLabel(c.relation) })]
        : [];
    }
    if (kind === 'merge') {
      return Array.isArray(c.filled) && c.filled.length
        ? [t('personHistory.filled', { fields: (c.filled as string[]).map(field).join(', ') })]
        : [];
    }
    if (kind === 'merged_into') return [];
    return Object.entries(c).map(([k, v]) => {
      const ft = (v ?? {}) as { from?: unknown; to?: unknown };
      return t('personHistory.change', { field: field(k), from: value(k, ft.from), to: value(k, ft.to) });
    });
  };
}
