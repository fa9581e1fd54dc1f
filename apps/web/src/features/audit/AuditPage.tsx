import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import type { AuditEntries } from '@phongdich/contracts/audit';
import { useLatestRequest } from '../../api/useLatestRequest';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { currentLang } from '../../i18n';
import { AUDIT_ACTIONS } from './i18n';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';

interface Filters {
  personName: string;
  personIdNumber: string;
  actorName: string;
  action: string;
  breakGlass: boolean;
  from: string;
  to: string;
}

const EMPTY: Filters = {
  personName: '',
  personIdNumber: '',
  actorName: '',
  action: '',
  breakGlass: false,
  from: '',
  to: '',
};

/**
 * The filters as the search and the export both take them, in a POST body (names and identity
 * numbers never go in a URL); dates are whole days in Vietnam's time zone.
 */
function toBody(f: Filters) {
  return {
    action: f.action || undefined,
    breakGlass: f.breakGlass || undefined,
    from: f.from ? new Date(`${f.from}T00:00:00+07:00`).toISOString() : undefined,
    to: f.to ? new Date(`${f.to}T23:59:59.999+07:00`).toISOString() : undefined,
    personName: f.personName.trim() || undefined,
    personIdNumber: f.personIdNumber.trim() || undefined,
    actorName: f.actorName.trim() || undefined,
  };
}

/** The national administrator's view of who opened which record, and why. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // A slow first load must not overwrite a search.
  const begin = useLatestRequest();
  const load = async (filters: Filters, beforeId?: string | number) => {
    const isLatest = begin();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<AuditEntries>('/api/audit/search', {
        ...toBody(filters),
        limit: 50,
        beforeId,
      });
      if (!isLatest()) return;
      setItems((prev) => (beforeId !== undefined ? [...prev, ...r.items] : r.items));
      setNext(r.nextBeforeId);
    } catch (err) {
      if (isLatest()) setError(err);
    } finally {
      if (isLatest()) setBusy(false);
    }
  };

  useEffect(() => {
    void load(EMPTY);
  }, []);

  const exportCsv = async () => {
    setError(null);
    try {
      await api.downloadPost('/api/audit/export', toBody(applied), 'audit.csv');
    } catch (err) {
      setError(err);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
    void load(draft);
  };
  const text = (
    k: 'personName' | 'personIdNumber' | 'actorName' | 'from' | 'to',
    label: string,
    type = 'text',
  ) => (
    <Field
      label={label}
      name={k}
      type={type}
      value={draft[k]}
      error={error}
      onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
    />
  );

  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <form onSubmit={submit} className="card" noValidate>
        <div className="form-grid">
          {text('personName', t('auditMore.personName'))}
          {text('personIdNumber', t('auditMore.personIdNumber'))}
          {text('actorName', t('auditMore.actorName'))}
          <SelectField
            label={t('audit.action')}
            name="action"
            value={draft.action}
            onChange={(action) => setDraft({ ...draft, action })}
          >
            <option value="">{t('auditMore.actionAny')}</option>
            {Object.entries(AUDIT_ACTIONS).map(([code, words]) => (
              <option key={code} value={code}>
                {words[currentLang()]}
              </option>
            ))}
          </SelectField>
          <div className="check">
            <input
              id="audit-bg"
              type="checkbox"
              checked={draft.breakGlass}
              onChange={(e) => setDraft({ ...draft, breakGlass: e.target.checked })}
            />
            <label htmlFor="audit-bg">{t('audit.breakGlassOnly')}</label>
          </div>
          {text('from', t('audit.from'), 'date')}
          {text('to', t('audit.to'), 'date')}
        </div>
        <div className="btn-row">
          <button type="submit" className="btn-primary" disabled={busy}>
            {t('common.search')}
          </button>
          {/* The export is of the search shown (the filters applied), not of what is typed since. */}
          <button type="button" className="btn" disabled={busy} onClick={() => void exportCsv()}>
            {t('audit.exportCsv')}
          </button>
        </div>
      </form>
      <VerifyChain />
      <ErrorBanner
        error={error}
        placed={['personName', 'personIdNumber', 'actorName', 'action', 'from', 'to']}
      />
      {items.length === 0 && !busy ? <p>{t('common.noResults')}</p> : <AuditTable items={items} />}
      {next !== null && (
        <button type="button" disabled={busy} onClick={() => void load(applied, next)}>
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}
