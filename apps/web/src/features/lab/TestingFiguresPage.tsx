import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { TestingFigures, TestingMeasures as Measures } from '@phongdich/contracts/lab';

const today = () => new Date().toISOString().slice(0, 10);
const pct = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(1)}%`);
const hours = (m: Measures) => `${m.turnaroundP50Hours ?? '–'} / ${m.turnaroundP90Hours ?? '–'}`;

/** Officers' and the steering committee's testing figures for their area. */
export default function TestingFiguresPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(new Date(Date.now() - 6 * 864e5).toISOString().slice(0, 10));
  const [to, setTo] = useState(today());
  const [level, setLevel] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [data, setData] = useState<TestingFigures | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function show(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setData(await api.get<TestingFigures>('/api/testing/figures', { from, to, level, unitCode }));
    } catch (err) {
      setError(err);
    }
  }
  const cells = (m: Measures) => (
    <>
      <td>{m.samplesTaken}</td>
      <td>{m.inTransit}</td>
      <td>{m.pending}</td>
      <td>{m.resulted}</td>
      <td>
        {m.individual.positives}/{m.individual.resulted} · {pct(m.individual.positivityRate)}
      </td>
      <td>
        {m.pools.positives}/{m.pools.resulted} · {pct(m.pools.positivityRate)}
      </td>
      <td>{hours(m)}</td>
    </>
  );
  const heads = (
    ['taken', 'inTransit', 'pending', 'resulted', 'individualRate', 'poolRate', 'tat'] as const
  ).map((k) => <th key={k}>{t(`lab.figures.${k}`)}</th>);
  return (
    <section>
      <h1>{t('lab.figures.title')}</h1>
      <form onSubmit={show} className="form-grid">
        <label>
          {t('lab.figures.from')}{' '}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          {t('lab.figures.to')}{' '}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <label>
          {t('lab.figures.level')}{' '}
          <select value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="" />
            {(['province', 'district', 'commune'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`lab.figures.levels.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('lab.figures.unitCode')}{' '}
          <input value={unitCode} onChange={(e) => setUnitCode(e.target.value)} inputMode="numeric" />
        </label>
        <button className="btn btn-primary" type="submit">
          {t('lab.figures.show')}
        </button>
      </form>
      <ErrorBanner error={error} />
      {data && data.rows.length === 0 && <p>{t('lab.figures.empty')}</p>}
      {data && data.rows.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('lab.figures.unit')}</th>
                  <th>{t('lab.figures.day')}</th>
                  <th>{t('lab.figures.people')}</th>
                  {heads}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={`${r.unitCode}-${r.day}`}>
                    <td>{r.unitCode}</td>
                    <td>{r.day}</td>
                    <td>{r.peopleSampled}</td>
                    {cells(r)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('lab.figures.labs')}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('lab.figures.lab')}</th>
                  {heads}
                </tr>
              </thead>
              <tbody>
                {data.labs.map((r) => (
                  <tr key={r.labId ?? ''}>
                    <td>{r.labName}</td>
                    {cells(r)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
