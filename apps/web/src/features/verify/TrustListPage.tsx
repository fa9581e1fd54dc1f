import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TrustedSigner,
  TrustedSignerList,
  TrustListImportAnswerT,
} from '@phongdich/contracts/trust-list';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../components/format';
import { fileBase64 } from '../vaccination/file-base64';

/** The national administrator's trust list of other issuers' document signers (issue #12 §6). */
export default function TrustListPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<TrustedSigner[] | null>(null);
  const [source, setSource] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    api
      .get<TrustedSignerList>('/api/trust-list')
      .then((r) => setItems(r.items))
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await api.post<TrustListImportAnswerT>('/api/trust-list/imports', {
        source: source.trim(),
        content: await fileBase64(file),
      });
      setDone(t('vaccinationCorrections.trust.imported', { n: r.imported, same: r.alreadyTrusted }));
      load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    setError(null);
    try {
      await api.post(`/api/trust-list/${id}/remove`, {});
      setDone(t('vaccinationCorrections.trust.removed'));
      load();
    } catch (err) {
      setError(err);
    }
  }

  const types = (s: TrustedSigner) =>
    s.allowedTypes.map((x) => t(`vaccinationCorrections.trust.typeNames.${x}`)).join(', ') || '—';
  return (
    <section className="narrow">
      <h1>{t('vaccinationCorrections.trust.title')}</h1>
      <p>{t('vaccinationCorrections.trust.intro')}</p>
      <ErrorBanner error={error} />
      {done && (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} className="card">
        <label>
          {t('vaccinationCorrections.trust.source')}
          <input required maxLength={200} value={source} onChange={(e) => setSource(e.target.value)} />
        </label>
        <label>
          {t('vaccinationCorrections.trust.file')}
          <input
            type="file"
            required
            accept=".json,.pem,.crt,.cer,.der,.txt,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button className="btn btn-primary" type="submit" disabled={busy || !file}>
          {t('vaccinationCorrections.trust.import')}
        </button>
      </form>
      {items && items.length === 0 && <p>{t('vaccinationCorrections.trust.none')}</p>}
      <ul data-testid="trust-list">
        {items?.map((s) => (
          <li key={s.id} className="card">
            <strong>{s.country}</strong> · <code>{s.kid}</code>
            <div style={{ overflowWrap: 'anywhere' }}>{s.subject}</div>
            <div className="hint">
              {t('vaccinationCorrections.trust.types')}: {types(s)} · {formatDate(s.notBefore)}–
              {formatDate(s.notAfter)}
            </div>
            <div className="hint">
              {s.source} · {t('vaccinationCorrections.trust.importedBy')}: {s.importedBy} ·{' '}
              {formatDateTime(s.importedAt)}
            </div>
            <button className="btn" type="button" onClick={() => void remove(s.id)}>
              {t('vaccinationCorrections.trust.remove')}
            </button>
          </li>
        ))}
      </ul>
      <p>
        <a href="/api/keys/dcc/trust-list">{t('vaccinationCorrections.trust.ours')}</a>
      </p>
    </section>
  );
}
