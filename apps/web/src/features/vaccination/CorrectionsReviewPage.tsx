import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Correction, CorrectionReviewT } from '@phongdich/contracts/vaccination-corrections';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../components/format';

/** Commune officers and site vaccinators review citizens' dose corrections beside the records (issue #12 §5). */
export default function CorrectionsReviewPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Correction[] | null>(null);
  const [open, setOpen] = useState<CorrectionReviewT | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    api
      .get<{ items: Correction[] }>('/api/vaccination/corrections')
      .then((r) => setItems(r.items))
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  async function show(id: string) {
    setError(null);
    setDone(null);
    setReason('');
    try {
      setOpen(await api.get<CorrectionReviewT>(`/api/vaccination/corrections/${id}`));
    } catch (e) {
      setError(e);
    }
  }

  async function decide(decision: 'accept' | 'reject') {
    if (!open) return;
    setError(null);
    try {
      await api.post(`/api/vaccination/corrections/${open.correction.id}/${decision}`, {
        ...(reason.trim() && { reason: reason.trim() }),
      });
      setDone(
        t(
          decision === 'accept'
            ? 'vaccinationCorrections.review.accepted'
            : 'vaccinationCorrections.review.rejected',
        ),
      );
      setOpen(null);
      load();
    } catch (e) {
      setError(e);
    }
  }

  const c = open?.correction;
  return (
    <section className="narrow">
      <h1>{t('vaccinationCorrections.review.title')}</h1>
      <p>{t('vaccinationCorrections.review.intro')}</p>
      <ErrorBanner error={error} />
      {done && (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      )}
      {items && items.length === 0 && <p>{t('vaccinationCorrections.review.none')}</p>}
      <ul data-testid="correction-list">
        {items?.map((r) => (
          <li key={r.id} className="card">
            <strong>{r.personName}</strong> · {formatDate(`${r.doseDate}T12:00:00+07:00`)} · {r.productMp} ·{' '}
            {t(`vaccinationCorrections.report.${r.kind}`)}
            <div className="hint">
              {t(`vaccinationCorrections.review.filedVia.${r.filedVia}`)} · {formatDateTime(r.filedAt)}
            </div>
            <button className="btn" type="button" onClick={() => void show(r.id)}>
              {t('vaccinationCorrections.review.open')}
            </button>
          </li>
        ))}
      </ul>
      {open && c && (
        <div className="card" data-testid="correction-review">
          <h2>{c.personName}</h2>
          <dl className="kv">
            <dt>{t('vaccinationCorrections.report.kind')}</dt>
            <dd>{t(`vaccinationCorrections.report.${c.kind}`)}</dd>
            <dt>{t('vaccinationCorrections.report.product')}</dt>
            <dd>{c.productMp}</dd>
            <dt>{t('vaccinationCorrections.report.date')}</dt>
            <dd>{formatDate(`${c.doseDate}T12:00:00+07:00`)}</dd>
            <dt>{t('vaccinationCorrections.report.where')}</dt>
            <dd>{c.siteName ?? c.siteText}</dd>
            {c.lotNumber && (
              <>
                <dt>{t('vaccinationCorrections.report.lot')}</dt>
                <dd>{c.lotNumber}</dd>
              </>
            )}
            {c.note && (
              <>
                <dt>{t('vaccinationCorrections.report.note')}</dt>
                <dd>{c.note}</dd>
              </>
            )}
          </dl>
          {c.evidence.map((e) => (
            <p key={e.id}>
              <a className="btn" href={`/api/vaccination/corrections/${c.id}/evidence/${e.id}`}>
                {t('vaccinationCorrections.review.evidence')} ({Math.ceil(e.sizeBytes / 1024)} kB)
              </a>
            </p>
          ))}
          <h3>{t('vaccinationCorrections.review.onRecord')}</h3>
          {open.doses.length === 0 && <p>{t('vaccinationCorrections.review.noDoses')}</p>}
          <ul>
            {open.doses.map((d) => (
              <li key={d.id}>
                {d.doseNumber}: {formatDate(d.administeredAt)} · {d.productMp}
                {d.siteName && ` · ${d.siteName}`} · {d.source}
              </li>
            ))}
          </ul>
          {open.candidates.length > 0 && (
            <>
              <h3>{t('vaccinationCorrections.review.candidates')}</h3>
              <ul>
                {open.candidates.map((x) => (
                  <li key={`${x.source}:${x.id}`}>
                    {x.source}: {x.date} · {x.productMp} · {x.siteName} {x.detail && `· ${x.detail}`}
                  </li>
                ))}
              </ul>
            </>
          )}
          <label>
            {t('vaccinationCorrections.review.rejectReason')}
            <input maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="row">
            <button className="btn btn-primary" type="button" onClick={() => void decide('accept')}>
              {t('vaccinationCorrections.review.accept')}
            </button>
            <button
              className="btn"
              type="button"
              disabled={reason.trim().length < 3}
              onClick={() => void decide('reject')}
            >
              {t('vaccinationCorrections.review.reject')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
