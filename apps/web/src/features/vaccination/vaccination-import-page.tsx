import './vaccination-import-i18n';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOSE_IMPORT_COLUMNS,
  type ImportAccepted,
  type ImportPreview,
  type ImportRow,
  type ImportView,
} from '@phongdich/contracts/vaccination-import';
import { api } from '../../api/client';
import { SpreadsheetFileForm } from '../../components/SpreadsheetFileForm';
import { ErrorBanner } from '../../components/ErrorBanner';
import { currentLang } from '../../i18n';
import { putJson, uploadFile } from '../lab/lab-api';
import { ReviewRow } from './vaccination-import-review';

type Report = ImportView & { duplicate?: boolean };

/**
 * An officer imports a province's dose list: the columns found are shown (and can be chosen, saved for
 * the next file), the import runs on the server with its progress shown, then the rows to fix (and the
 * file to download with an error column) and the rows whose person must be chosen.
 */
export default function VaccinationImportPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [labels, setLabels] = useState<ImportPreview['labels']>({});
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [report, setReport] = useState<Report | null>(null);
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const loadRows = useCallback(
    (id: string) => api.get<ImportRow[]>(`/api/vaccination/imports/${id}/rows`).then(setRows).catch(setError),
    [],
  );

  useEffect(() => {
    if (!report) return;
    if (report.status !== 'processing') {
      void loadRows(report.id);
      return;
    }
    const timer = setTimeout(() => {
      api
        .get<ImportView>(`/api/vaccination/imports/${report.id}`)
        .then((r) => setReport({ ...r, duplicate: report.duplicate }))
        .catch(setError);
    }, 500);
    return () => clearTimeout(timer);
  }, [report, loadRows]);

  async function check(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setReport(null);
    setRows([]);
    try {
      const p = await uploadFile<ImportPreview>('/api/vaccination/imports/preview', file);
      setPreview(p);
      setLabels(p.labels);
      setChoice(Object.fromEntries(Object.entries(p.columns).map(([col, i]) => [col, p.header[i] ?? ''])));
    } catch (err) {
      setError(err);
    }
  }

  async function start() {
    if (!file || !preview) return;
    setError(null);
    setBusy(true);
    try {
      await putJson(
        '/api/vaccination/imports/column-map',
        Object.fromEntries(Object.entries(choice).filter(([, v]) => v)),
      );
      setReport(await uploadFile<ImportAccepted>('/api/vaccination/imports', file));
      setPreview(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function decide(row: number, decision: Parameters<Parameters<typeof ReviewRow>[0]['onDecide']>[0]) {
    if (!report) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/vaccination/imports/${report.id}/rows/${row}/resolve`, decision);
      setNotice(t('vaccinationImport.resolved', { row }));
      setReport(await api.get<ImportView>(`/api/vaccination/imports/${report.id}`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const chosen = new Set(
    Object.entries(choice)
      .filter(([, v]) => v)
      .map(([k]) => k),
  );
  const missing = ['product', 'date'].filter((c) => !chosen.has(c));
  const hasPerson =
    chosen.has('idNumber') || chosen.has('bhyt') || (chosen.has('fullName') && chosen.has('birth'));
  const errors = rows.filter((r) => r.status === 'error');
  const review = rows.filter((r) => r.status === 'review');

  return (
    <section className="vaccination-import">
      <h1>{t('vaccinationImport.title')}</h1>
      <p>{t('vaccinationImport.intro')}</p>
      <SpreadsheetFileForm
        id="import-file"
        label={t('vaccinationImport.file')}
        submitLabel={t('vaccinationImport.check')}
        file={file}
        onFile={(f) => {
          setFile(f);
          setPreview(null);
        }}
        onSubmit={(e) => void check(e)}
      />

      {preview && (
        <div className="card" data-testid="import-mapping">
          <p>{t('vaccinationImport.headerAt', { row: preview.headerRow, rows: preview.rows })}</p>
          {DOSE_IMPORT_COLUMNS.map((col) => (
            <div className="field" key={col}>
              <label htmlFor={`col-${col}`}>{preview.labels[col]?.[lang] ?? col}</label>
              <select
                id={`col-${col}`}
                value={choice[col] ?? ''}
                onChange={(e) => setChoice({ ...choice, [col]: e.target.value })}
              >
                <option value="">{t('vaccinationImport.notInFile')}</option>
                {preview.header.map((h, i) =>
                  h ? (
                    <option key={`${i}-${h}`} value={h}>
                      {h}
                    </option>
                  ) : null,
                )}
              </select>
            </div>
          ))}
          {missing.length > 0 && (
            <p className="alert alert-warn">
              {t('vaccinationImport.missing', {
                cols: missing.map((c) => preview.labels[c]?.[lang] ?? c).join(', '),
              })}
            </p>
          )}
          {!hasPerson && <p className="alert alert-warn">{t('vaccinationImport.needPerson')}</p>}
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || missing.length > 0 || !hasPerson}
            onClick={() => void start()}
          >
            {t('vaccinationImport.start')}
          </button>
        </div>
      )}

      <ErrorBanner error={error} />
      {notice && (
        <p className="alert alert-ok" role="status">
          {notice}
        </p>
      )}

      {report && (
        <div className="card" data-testid="import-report">
          {report.duplicate && <p className="alert alert-warn">{t('vaccinationImport.duplicate')}</p>}
          <progress max={report.rowsTotal || 1} value={report.rowsDone} style={{ width: '100%' }} />
          <p data-testid="import-status">
            {t(`vaccinationImport.${report.status}`)} ·{' '}
            {t('vaccinationImport.progress', { done: report.rowsDone, total: report.rowsTotal })}
          </p>
          {report.status !== 'processing' && (
            <p data-testid="import-summary">
              {t('vaccinationImport.summary', {
                doses: report.dosesCreated,
                people: report.peopleCreated,
                duplicate: report.rowsDuplicate,
                failed: report.rowsFailed,
                review: report.rowsReview,
              })}
            </p>
          )}
        </div>
      )}

      {report && report.status !== 'processing' && errors.length > 0 && (
        <div className="card">
          <h2>{t('vaccinationImport.errorsTitle')}</h2>
          <p>{t('vaccinationImport.fixHint')}</p>
          <a className="btn" href={`/api/vaccination/imports/${report.id}/error-sheet`} download>
            {t('vaccinationImport.download')}
          </a>
          <div className="table-wrap">
            <table aria-label={t('vaccinationImport.errorsTitle')}>
              <thead>
                <tr>
                  <th>{t('vaccinationImport.row')}</th>
                  <th>{t('vaccinationImport.field')}</th>
                  <th>{t('vaccinationImport.message')}</th>
                </tr>
              </thead>
              <tbody>
                {errors.flatMap((r) =>
                  r.errors.map((er) => (
                    <tr key={`${r.row}-${er.code}`} data-testid="import-error">
                      <td>{r.row}</td>
                      <td>{labels[er.field]?.[lang] ?? er.field}</td>
                      <td>{er.message[lang]}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {report && report.status !== 'processing' && review.length > 0 && (
        <div>
          <h2>{t('vaccinationImport.reviewTitle')}</h2>
          <p>{t('vaccinationImport.reviewHint')}</p>
          {review.map((r) => (
            <ReviewRow key={r.row} row={r} busy={busy} onDecide={(d) => void decide(r.row, d)} />
          ))}
        </div>
      )}
      {report &&
        report.status === 'done' &&
        errors.length === 0 &&
        review.length === 0 &&
        rows.length > 0 && <p>{t('vaccinationImport.nothingLeft')}</p>}
    </section>
  );
}
