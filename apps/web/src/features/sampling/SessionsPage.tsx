import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import type { Unit, UnitDetail } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { UnitPicker } from '../../components/UnitPicker';
import type { SessionDetail, SessionSummary, TestType } from './types';

// Today in Vietnam (en-CA formats as YYYY-MM-DD), not in UTC: before 07:00 UTC's date is yesterday's.
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Officers: the testing sessions of their area, and a form to create one. */
export default function SessionsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [items, setItems] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const unit = me && me.kind === 'staff' && me.unitCode?.length === 5 ? me.unitCode : '';
  // A fresh form for every session: the last session's kind, test type, date and pool size must not
  // carry over unseen into the next one.
  const blank = () => ({
    name: '',
    kind: 'mass',
    testType: 'rt_pcr' as TestType,
    date: today(),
    poolSize: '',
    site: '',
    siteAddress: '',
  });
  const [form, setForm] = useState(blank);
  // The commune is picked by name; an officer of one commune starts with their own.
  const [commune, setCommune] = useState<Unit | null>(null);
  const [ownCommune, setOwnCommune] = useState<Unit | null>(null);
  useEffect(() => {
    if (!unit) return;
    api
      .get<UnitDetail>(`/api/units/${encodeURIComponent(unit)}`)
      .then((d) => {
        setOwnCommune(d.unit);
        setCommune((c) => c ?? d.unit);
      })
      .catch(() => undefined);
  }, [unit]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  const load = () =>
    api
      .get<{ items: SessionSummary[] }>('/api/testing/sessions')
      .then((r) => setItems(r.items))
      .catch(setError);
  useEffect(() => void load(), []);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post<SessionDetail>('/api/testing/sessions', {
        name: form.name,
        kind: form.kind,
        testType: form.testType,
        communeCode: commune?.code ?? '',
        date: form.date,
        ...(form.poolSize ? { poolSize: Number(form.poolSize) } : {}),
        sites: form.site ? [{ name: form.site, address: form.siteAddress || null }] : [],
      });
      setForm(blank());
      setCommune(ownCommune);
      await load();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section>
      <h1>{t('sampling.sessions.title')}</h1>
      <ErrorBanner error={error} />
      {items && items.length === 0 && <p>{t('sampling.sessions.empty')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table aria-label={t('sampling.sessions.title')}>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td>{s.date}</td>
                  <td>
                    <Link to={`/testing/sessions/${s.id}`}>{s.name}</Link>
                  </td>
                  <td>{t(`sampling.testTypes.${s.testType}`)}</td>
                  <td>
                    {t('sampling.sessions.progress', {
                      sampled: s.progress.targetsSampled,
                      targets: s.progress.targets,
                      total: s.progress.sampled,
                      tubes: s.progress.tubes,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('sampling.sessions.create')}</h2>
      <form onSubmit={(e) => void create(e)} className="card">
        <div className="field">
          <label htmlFor="s-name">{t('sampling.sessions.name')}</label>
          <input id="s-name" value={form.name} onChange={set('name')} required />
        </div>
        <div className="field">
          <label htmlFor="s-kind">{t('sampling.sessions.kind')}</label>
          <select id="s-kind" value={form.kind} onChange={set('kind')}>
            {(['mass', 'routine', 'targeted'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`sampling.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="s-type">{t('sampling.sessions.testType')}</label>
          <select id="s-type" value={form.testType} onChange={set('testType')}>
            <option value="rt_pcr">{t('sampling.testTypes.rt_pcr')}</option>
            <option value="rapid_antigen">{t('sampling.testTypes.rapid_antigen')}</option>
          </select>
        </div>
        <UnitPicker
          label={t('sampling.sessions.commune')}
          name="communeCode"
          value={commune}
          onChange={setCommune}
          error={error}
          required
        />
        <div className="field">
          <label htmlFor="s-date">{t('sampling.sessions.date')}</label>
          <input id="s-date" type="date" value={form.date} onChange={set('date')} required />
        </div>
        <div className="field">
          <label htmlFor="s-pool">{t('sampling.sessions.poolSize')}</label>
          <input
            id="s-pool"
            type="number"
            min={1}
            max={10}
            value={form.poolSize}
            onChange={set('poolSize')}
          />
        </div>
        <div className="field">
          <label htmlFor="s-site">{t('sampling.sessions.site')}</label>
          <input id="s-site" value={form.site} onChange={set('site')} />
        </div>
        <div className="field">
          <label htmlFor="s-site-address">{t('sampling.sessions.siteAddress')}</label>
          <input id="s-site-address" value={form.siteAddress} onChange={set('siteAddress')} />
        </div>
        <button className="btn btn-primary" type="submit">
          {t('sampling.sessions.save')}
        </button>
      </form>
    </section>
  );
}
