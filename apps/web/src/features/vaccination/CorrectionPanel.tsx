import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Correction } from '@phongdich/contracts/vaccination-corrections';
import { EVIDENCE_MAX_BYTES } from '@phongdich/contracts/vaccination-corrections';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../components/format';
import { currentLang } from '../../i18n';
import { fileBase64 } from './file-base64';
import type { CatalogueProduct, CatalogueVersion, Dose } from './types';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** A citizen's requests for one person and the form to report a missing or wrong dose (issue #12 §5). */
export function CorrectionPanel(props: {
  personId: string;
  doses: Dose[];
  requests: Correction[];
  onFiled: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [open, setOpen] = useState(false);
  const [products, setProducts] = useState<CatalogueProduct[]>([]);
  const [kind, setKind] = useState<'missing' | 'wrong'>('missing');
  const [doseId, setDoseId] = useState('');
  const [productMp, setProductMp] = useState('');
  const [doseDate, setDoseDate] = useState('');
  const [siteText, setSiteText] = useState('');
  const [lotNumber, setLotNumber] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One client id per request being written: a retried send is the same request.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (!open || products.length) return;
    api
      .get<CatalogueVersion[]>('/api/vaccination/catalogue')
      .then((list) => {
        const current = list.find((c) => c.inForce) ?? list[0];
        setProducts(current?.products ?? []);
        setProductMp((p) => p || current?.products[0]?.mp || '');
      })
      .catch(setError);
  }, [open, products.length]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (file && file.size > EVIDENCE_MAX_BYTES) {
      setError(new Error(t('vaccinationCorrections.report.tooLarge')));
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/vaccination/corrections', {
        clientId,
        personId: props.personId,
        kind,
        ...(kind === 'wrong' && { doseId }),
        productMp,
        doseDate,
        siteText,
        ...(lotNumber.trim() && { lotNumber }),
        ...(note.trim() && { note }),
        ...(file && {
          evidence: { contentType: file.type as 'image/jpeg', content: await fileBase64(file) },
        }),
      });
      setSent(true);
      setOpen(false);
      setClientId(crypto.randomUUID());
      props.onFiled();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="correction-panel">
      {props.requests.length > 0 && (
        <>
          <h3>{t('vaccinationCorrections.mine.title')}</h3>
          <ul data-testid="correction-requests">
            {props.requests.map((r) => (
              <li key={r.id}>
                {formatDate(`${r.doseDate}T12:00:00+07:00`)} · {r.productMp} ·{' '}
                <strong>{t(`vaccinationCorrections.mine.status.${r.status}`)}</strong>
                {r.decisionReason && ` — ${t('vaccinationCorrections.mine.reason')}: ${r.decisionReason}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {sent && (
        <p className="alert" role="status">
          {t('vaccinationCorrections.report.sent')}
        </p>
      )}
      {!open ? (
        <button className="btn" type="button" onClick={() => setOpen(true)}>
          {t('vaccinationCorrections.report.open')}
        </button>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="card">
          <h3>{t('vaccinationCorrections.report.title')}</h3>
          <ErrorBanner error={error} />
          <label>
            {t('vaccinationCorrections.report.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as 'missing' | 'wrong')}>
              <option value="missing">{t('vaccinationCorrections.report.missing')}</option>
              {props.doses.length > 0 && (
                <option value="wrong">{t('vaccinationCorrections.report.wrong')}</option>
              )}
            </select>
          </label>
          {kind === 'wrong' && (
            <label>
              {t('vaccinationCorrections.report.wrongDose')}
              <select required value={doseId} onChange={(e) => setDoseId(e.target.value)}>
                <option value="" />
                {props.doses.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.doseNumber}: {formatDate(d.administeredAt)} · {d.productMp}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('vaccinationCorrections.report.product')}
            <select required value={productMp} onChange={(e) => setProductMp(e.target.value)}>
              {products.map((p) => (
                <option key={p.mp} value={p.mp}>
                  {p.name[lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('vaccinationCorrections.report.date')}
            <input
              type="date"
              required
              max={today()}
              value={doseDate}
              onChange={(e) => setDoseDate(e.target.value)}
            />
          </label>
          <label>
            {t('vaccinationCorrections.report.where')}
            <input required maxLength={200} value={siteText} onChange={(e) => setSiteText(e.target.value)} />
          </label>
          <label>
            {t('vaccinationCorrections.report.lot')}
            <input maxLength={40} value={lotNumber} onChange={(e) => setLotNumber(e.target.value)} />
          </label>
          <label>
            {t('vaccinationCorrections.report.note')}
            <textarea maxLength={1000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <label>
            {t('vaccinationCorrections.report.evidence')}
            <input
              type="file"
              accept="image/jpeg,image/png,application/pdf"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {t('vaccinationCorrections.report.send')}
          </button>
        </form>
      )}
    </div>
  );
}
