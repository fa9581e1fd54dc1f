import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';

import type { CatalogueVersion } from '@phongdich/contracts/vaccination';

/**
 * National administrators edit the vaccine catalogue by adding a version: the one in force is the
 * starting point, edited as data, with a new version name and a later effective date. No version is
 * ever changed in place, so every past eligibility decision can be explained by the rules of its day.
 */
export default function CataloguePage() {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<CatalogueVersion[]>([]);
  const [version, setVersion] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    api
      .get<CatalogueVersion[]>('/api/vaccination/catalogue')
      .then((list) => {
        setVersions(list);
        const current = list.find((c) => c.inForce) ?? list[0];
        if (current) {
          const { version: _v, effectiveFrom: _e, inForce: _i, createdAt: _c, ...rest } = current;
          setBody(JSON.stringify(rest, null, 2));
        }
      })
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      const data = JSON.parse(body) as Record<string, unknown>;
      await api.post('/api/vaccination/catalogue', {
        ...data,
        version,
        effectiveFrom: new Date(effectiveFrom).toISOString(),
      });
      setSaved(version);
      load();
    } catch (err) {
      setError(err instanceof SyntaxError ? new Error(t('vaccination.catalogue.badJson')) : err);
    }
  }

  return (
    <section className="narrow">
      <h1>{t('vaccination.catalogue.title')}</h1>
      <p>{t('vaccination.catalogue.intro')}</p>
      <ErrorBanner error={error} />
      <ul>
        {versions.map((v) => (
          <li key={v.version} className="card" data-testid="catalogue-version">
            <strong>{v.version}</strong> · {t('vaccination.catalogue.from')} {formatDateTime(v.effectiveFrom)}
            {v.inForce && ` · ${t('vaccination.catalogue.inForce')}`}
            <div>{v.products.map((p) => p.name.vi).join(', ')}</div>
          </li>
        ))}
      </ul>
      <h2>{t('vaccination.catalogue.newVersion')}</h2>
      {saved && (
        <p className="alert" role="status">
          {t('vaccination.catalogue.saved', { version: saved })}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('vaccination.catalogue.version')}
          <input
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            required
            pattern="[A-Za-z0-9._-]{1,60}"
          />
        </label>
        <label>
          {t('vaccination.catalogue.effectiveFrom')}
          <input
            type="datetime-local"
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.target.value)}
            required
          />
        </label>
        <label>
          {t('vaccination.catalogue.rules')}
          <textarea
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={16}
            style={{ width: '100%' }}
          />
        </label>
        <button className="btn" type="submit">
          {t('vaccination.catalogue.save')}
        </button>
      </form>
    </section>
  );
}
