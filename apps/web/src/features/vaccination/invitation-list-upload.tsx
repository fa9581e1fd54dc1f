import './invite-i18n';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INVITATION_COLUMNS,
  type InvitationImportResult,
  type InvitationPreview,
} from '@phongdich/contracts/vaccination-invitations';
import { SpreadsheetFileForm } from '../../components/SpreadsheetFileForm';
import { ErrorBanner } from '../../components/ErrorBanner';
import { currentLang } from '../../i18n';
import { putJson, uploadFile } from '../lab/lab-api';

/**
 * An invitation list: its columns are checked (and chosen when the file names them differently; the
 * choice is saved for the officer's next lists), then it is sent; the refused rows are listed with
 * their codes and can be downloaded to be fixed.
 */
export function InvitationListUpload(p: { campaignId: string; siteId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [result, setResult] = useState<InvitationImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function check(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    try {
      const res = await uploadFile<InvitationPreview>('/api/vaccination/invitations/preview', file);
      setPreview(res);
      setChoice(Object.fromEntries(Object.entries(res.columns).map(([c, i]) => [c, res.header[i] ?? ''])));
    } catch (err) {
      setError(err);
    }
  }

  async function send() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await putJson(
        '/api/vaccination/invitations/column-map',
        Object.fromEntries(Object.entries(choice).filter(([, v]) => v)),
      );
      setResult(
        await uploadFile<InvitationImportResult>(
          `/api/vaccination/campaigns/${p.campaignId}/invitations/import?siteId=${p.siteId}`,
          file,
        ),
      );
      setPreview(null);
      p.onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const has = (c: string) => !!choice[c];
  const hasPerson = has('idNumber') || has('bhyt') || (has('phone') && has('birth'));

  return (
    <div className="card">
      <h2>{t('vaccinationInvite.listTitle')}</h2>
      <p>{t('vaccinationInvite.listIntro')}</p>
      <SpreadsheetFileForm
        id="invite-file"
        label={t('vaccinationInvite.file')}
        submitLabel={t('vaccinationInvite.checkColumns')}
        file={file}
        onFile={(f) => {
          setFile(f);
          setPreview(null);
        }}
        onSubmit={(e) => void check(e)}
      />

      {preview && (
        <div data-testid="invite-mapping">
          <p>{t('vaccinationInvite.headerAt', { row: preview.headerRow, rows: preview.rows })}</p>
          {INVITATION_COLUMNS.map((col) => (
            <div className="field" key={col}>
              <label htmlFor={`invite-col-${col}`}>{preview.labels[col]?.[lang] ?? col}</label>
              <select
                id={`invite-col-${col}`}
                value={choice[col] ?? ''}
                onChange={(e) => setChoice({ ...choice, [col]: e.target.value })}
              >
                <option value="">{t('vaccinationInvite.notInFile')}</option>
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
          {!has('group') && <p className="alert alert-warn">{t('vaccinationInvite.needGroup')}</p>}
          {!hasPerson && <p className="alert alert-warn">{t('vaccinationInvite.needPerson')}</p>}
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !has('group') || !hasPerson}
            onClick={() => void send()}
          >
            {t('vaccinationInvite.send')}
          </button>
        </div>
      )}

      <ErrorBanner error={error} />

      {result && (
        <p className="alert alert-ok" role="status" data-testid="invite-list-result">
          {t('vaccinationInvite.listDone', {
            ...result,
            errors: new Set(result.errors.map((e) => e.row)).size,
          })}
        </p>
      )}
      {result && result.errors.length > 0 && (
        <div>
          <h3>{t('vaccinationInvite.errorsTitle')}</h3>
          <p>{t('vaccinationInvite.errorsHint')}</p>
          {result.importId && (
            <a
              className="btn"
              href={`/api/vaccination/invitation-lists/${result.importId}/error-sheet`}
              download
            >
              {t('vaccinationInvite.download')}
            </a>
          )}
          <div className="table-wrap">
            <table aria-label={t('vaccinationInvite.errorsTitle')}>
              <thead>
                <tr>
                  <th>{t('vaccinationInvite.row')}</th>
                  <th>{t('vaccinationInvite.code')}</th>
                  <th>{t('vaccinationInvite.message')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e) => (
                  <tr key={`${e.row}-${e.code}`} data-testid="invite-error">
                    <td>{e.row}</td>
                    <td>{e.code}</td>
                    <td>{e.message[lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
