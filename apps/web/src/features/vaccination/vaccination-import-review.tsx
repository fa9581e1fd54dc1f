import './vaccination-import-i18n';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '@phongdich/contracts/vaccination-import';

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** One ambiguous row beside the people it could be, with the three decisions an officer can take. */
export function ReviewRow({
  row,
  busy,
  onDecide,
}: {
  row: ImportRow;
  busy: boolean;
  onDecide: (
    decision: { action: 'pick'; personId: string } | { action: 'create' } | { action: 'reject' },
  ) => void;
}) {
  const { t } = useTranslation();
  const d = row.data ?? {};
  return (
    <div className="card" data-testid="review-row" aria-label={`${t('vaccinationImport.row')} ${row.row}`}>
      <h3>
        {t('vaccinationImport.row')} {row.row}
      </h3>
      <div className="review-grid">
        <div className="review-cell" data-testid="review-file">
          <strong>{t('vaccinationImport.inFile')}</strong>
          <div>{text(d.fullName)}</div>
          <div>
            {t('vaccinationImport.born')}: {text(d.birthDate) || text(d.birthYear)}
          </div>
          {text(d.phone) && (
            <div>
              {t('vaccinationImport.phone')}: {text(d.phone)}
            </div>
          )}
          <div>
            {t('vaccinationImport.date')}: {text(d.date)}
          </div>
        </div>
        {row.candidates.map((c, i) => (
          <div className="review-cell" key={c.id} data-testid="review-candidate">
            <strong>
              {t('vaccinationImport.candidate')} {i + 1}
            </strong>
            <div>{c.fullName}</div>
            <div>
              {t('vaccinationImport.born')}: {c.birthDate ?? c.birthYear}
            </div>
            <div>
              {t('vaccinationImport.commune')}: {c.communeCode}
            </div>
            {c.cccd && (
              <div>
                {t('vaccinationImport.id')}: {c.cccd}
              </div>
            )}
            {c.phone && (
              <div>
                {t('vaccinationImport.phone')}: {c.phone}
              </div>
            )}
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => onDecide({ action: 'pick', personId: c.id })}
            >
              {t('vaccinationImport.pick')}
            </button>
          </div>
        ))}
      </div>
      <div className="actions">
        <button type="button" className="btn" disabled={busy} onClick={() => onDecide({ action: 'create' })}>
          {t('vaccinationImport.create')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => onDecide({ action: 'reject' })}>
          {t('vaccinationImport.reject')}
        </button>
      </div>
    </div>
  );
}
