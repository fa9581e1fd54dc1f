import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { currentLang } from '../../i18n';
import { uploadFile } from './lab-api';
import { MappingEditor } from './MappingEditor';
import type { LabUpload, LabUploadAccepted } from '@phongdich/contracts/lab';

/** Upload a machine export; the server answers at once and the page follows its progress. */
export default function LabUploadPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<LabUploadAccepted | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!report || report.status !== 'processing') return;
    const timer = setTimeout(() => {
      api
        .get<LabUpload>(`/api/lab/uploads/${report.id}`)
        .then((r) => setReport({ ...r, duplicate: report.duplicate }))
        .catch(setError);
    }, 400);
    return () => clearTimeout(timer);
  }, [report]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setReport(null);
    try {
      setReport(await uploadFile<LabUploadAccepted>('/api/lab/uploads', file));
    } catch (err) {
      setError(err);
    }
  }
  const lang = currentLang();
  return (
    <section>
      <h1>{t('lab.upload.title')}</h1>
      <p>{t('lab.upload.intro')}</p>
      <MappingEditor />
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="file">{t('lab.upload.file')}</label>
          <input
            id="file"
            type="file"
            accept=".csv,.txt,.xlsx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button className="btn btn-primary" type="submit" disabled={!file}>
          {t('lab.upload.send')}
        </button>
      </form>
      <ErrorBanner error={error} />
      {report && (
        <div className="card" data-testid="upload-report">
          {report.duplicate && <p className="alert alert-warn">{t('lab.upload.duplicate')}</p>}
          <progress max={report.rowsTotal || 1} value={report.rowsDone} style={{ width: '100%' }} />
          <p data-testid="upload-status">
            {t(`lab.upload.${report.status}`)} ·{' '}
            {t('lab.upload.progress', {
              done: report.rowsDone,
              total: report.rowsTotal,
              failed: report.rowsFailed,
            })}
          </p>
          {report.errors.length > 0 && (
            <div className="table-wrap">
              <table aria-label={t('lab.upload.errors')}>
                <thead>
                  <tr>
                    <th>{t('lab.upload.row')}</th>
                    <th>{t('lab.upload.code')}</th>
                    <th>{t('lab.upload.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((er) => (
                    <tr key={`${er.row}-${er.code}`} data-testid="upload-error">
                      <td>{er.row}</td>
                      <td>
                        <code>{er.code}</code>
                      </td>
                      <td>{er.message[lang]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
