import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { currentLang } from '../../i18n';
import { importTargets } from './sampling-api';
import type { ImportReport, LabelBatch, SessionDetail } from './types';

/** One session: progress, sites, team, target list import and tube labels. */
export default function SessionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [s, setS] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [username, setUsername] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [count, setCount] = useState('30');
  const [batch, setBatch] = useState<LabelBatch | null>(null);
  const lang = currentLang();

  const load = () => api.get<SessionDetail>(`/api/testing/sessions/${id}`).then(setS).catch(setError);
  useEffect(() => void load(), [id]);

  const run = (fn: () => Promise<void>) => async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    }
  };
  const addMember = run(async () => {
    setS(await api.post<SessionDetail>(`/api/testing/sessions/${id}/team`, { username }));
    setUsername('');
  });
  const upload = run(async () => {
    if (!file) return;
    setReport(null);
    setReport(await importTargets(id, file));
    await load();
  });
  const labels = run(async () => {
    setBatch(
      await api.post<LabelBatch>('/api/testing/labels', {
        count: Number(count),
        testType: s!.testType,
        sessionId: id,
      }),
    );
  });

  if (!s) return <ErrorBanner error={error} />;
  const p = s.progress;
  return (
    <section>
      <h1>{s.name}</h1>
      <p>
        {s.date} · {t(`sampling.kinds.${s.kind}`)} · {t(`sampling.testTypes.${s.testType}`)} ·{' '}
        {t('sampling.sampler.pool', { n: s.poolSize })}
      </p>
      <p data-testid="session-progress">
        {t('sampling.sessions.progress', {
          sampled: p.targetsSampled,
          targets: p.targets,
          total: p.sampled,
          tubes: p.tubes,
        })}
      </p>
      <progress max={p.targets || 1} value={p.targetsSampled} style={{ width: '100%' }} />
      <ErrorBanner error={error} />
      <h2>{t('sampling.detail.sites')}</h2>
      <ul>
        {s.sites.map((x) => (
          <li key={x.id}>
            {x.name}
            {x.address ? ` · ${x.address}` : ''}
          </li>
        ))}
      </ul>
      <h2>{t('sampling.detail.team')}</h2>
      <ul>
        {s.team.map((m) => (
          <li key={m.accountId}>{m.displayName}</li>
        ))}
      </ul>
      <form onSubmit={(e) => void addMember(e)} className="inline-form">
        <label htmlFor="team-username">{t('sampling.detail.addMember')}</label>{' '}
        <input id="team-username" value={username} onChange={(e) => setUsername(e.target.value)} required />{' '}
        <button type="submit">{t('sampling.detail.add')}</button>
      </form>
      <h2>{t('sampling.detail.importTitle')}</h2>
      <p>{t('sampling.detail.importHint')}</p>
      <form onSubmit={(e) => void upload(e)}>
        <label htmlFor="targets-file">{t('sampling.detail.file')}</label>{' '}
        <input
          id="targets-file"
          type="file"
          accept=".csv,.txt,.xlsx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />{' '}
        <button className="btn btn-primary" type="submit" disabled={!file}>
          {t('sampling.detail.upload')}
        </button>
      </form>
      {report && (
        <div className="card" data-testid="import-report">
          <p>
            {t('sampling.detail.imported', {
              rows: report.rows,
              added: report.added,
              matched: report.matched,
              created: report.created,
              already: report.alreadyListed,
              errors: report.errors.length,
            })}
          </p>
          {report.errors.length > 0 && (
            <table aria-label={t('sampling.detail.reason')}>
              <thead>
                <tr>
                  <th>{t('sampling.detail.row')}</th>
                  <th>{t('sampling.detail.field')}</th>
                  <th>{t('sampling.detail.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.row}</td>
                    <td>{e.field}</td>
                    <td>{e.message[lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <h2>{t('sampling.detail.labelsTitle')}</h2>
      <form onSubmit={(e) => void labels(e)}>
        <label htmlFor="label-count">{t('sampling.detail.labelCount')}</label>{' '}
        <input
          id="label-count"
          type="number"
          min={1}
          max={3000}
          value={count}
          onChange={(e) => setCount(e.target.value)}
        />{' '}
        <button type="submit">{t('sampling.detail.createLabels')}</button>
      </form>
      {batch && (
        <p>
          <a href={`/api/testing/labels/${batch.id}/sheet.pdf`} target="_blank" rel="noreferrer">
            {t('sampling.detail.pdf', { count: batch.count })}
          </a>
        </p>
      )}
    </section>
  );
}
