import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../components/format';
import type { Correction } from '@phongdich/contracts/vaccination-corrections';
import { CorrectionPanel } from './CorrectionPanel';
import { AefiForm, type AefiFields } from './AefiForm';
import type { Booking, MyVaccination, Slot } from './types';

function CertificateQr({ hc1 }: { hc1: string }) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL([{ data: hc1, mode: 'alphanumeric' }], {
      errorCorrectionLevel: 'Q',
      width: 320,
      margin: 2,
    }).then(setImage);
  }, [hc1]);
  return image ? (
    <img src={image} alt={t('vaccination.mine.certificate')} style={{ width: '100%', maxWidth: 320 }} />
  ) : null;
}

/** The citizen's doses and certificates, their bookings, and booking a slot for themselves or family. */
export default function MyVaccinationPage() {
  const { t } = useTranslation();
  const [people, setPeople] = useState<MyVaccination[] | null>(null);
  const [slots, setSlots] = useState<Slot[]>([]);
  const [bookings, setBookings] = useState<Booking[]>([]);
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [forWhom, setForWhom] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reactionFor, setReactionFor] = useState<{ personId: string; doseId: string } | null>(null);
  const [reported, setReported] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .get<MyVaccination[]>('/api/vaccination/mine')
      .then((p) => {
        setPeople(p);
        setForWhom((f) => f || p[0]?.personId || '');
      })
      .catch(setError);
    api.get<Slot[]>('/api/vaccination/slots').then(setSlots).catch(setError);
    api.get<Booking[]>('/api/vaccination/bookings/mine').then(setBookings).catch(setError);
    api
      .get<{ items: Correction[] }>('/api/vaccination/corrections/mine')
      .then((r) => setCorrections(r.items))
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  async function book(slot: Slot) {
    setError(null);
    setDone(null);
    try {
      const b = await api.post<Booking>(
        '/api/vaccination/bookings',
        { slotId: slot.id, personId: forWhom },
        { 'Idempotency-Key': crypto.randomUUID() },
      );
      setDone(
        t('vaccination.book.booked', {
          name: b.personName,
          when: formatDateTime(b.slot.startsAt),
          site: b.slot.siteName,
          code: b.code,
        }),
      );
      load();
    } catch (e) {
      setError(e);
    }
  }

  async function reportReaction(f: AefiFields) {
    if (!reactionFor) return;
    setError(null);
    try {
      await api.post('/api/vaccination/adverse-events', {
        clientId: crypto.randomUUID(),
        ...reactionFor,
        ...f,
      });
      setReactionFor(null);
      setReported(reactionFor.personId);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="narrow">
      <h1>{t('vaccination.mine.title')}</h1>
      <p>{t('vaccination.mine.intro')}</p>
      <ErrorBanner error={error} />
      {people && people.length === 0 && <p>{t('vaccination.mine.noRecord')}</p>}
      {people?.map((p) => (
        <div key={p.personId} className="card" data-testid="vaccination-person">
          <h2>{p.self ? `${p.name} (${t('vaccination.mine.self')})` : p.name}</h2>
          {p.doses.length === 0 && <p>{t('vaccination.mine.noDoses')}</p>}
          <ul>
            {p.doses.map((d) => (
              <li key={d.id}>
                {t('vaccination.mine.dose', { n: d.doseNumber })}: {formatDate(d.administeredAt)} ·{' '}
                {d.productMp}
                {d.siteName && ` · ${d.siteName}`}{' '}
                <button
                  className="btn secondary"
                  type="button"
                  onClick={() => {
                    setReported(null);
                    setReactionFor({ personId: p.personId, doseId: d.id });
                  }}
                >
                  {t('vaccinationSite.reportReaction')}
                </button>
              </li>
            ))}
          </ul>
          {reactionFor?.personId === p.personId && (
            <AefiForm onSubmit={reportReaction} onCancel={() => setReactionFor(null)} />
          )}
          {reported === p.personId && !reactionFor && (
            <p className="alert" role="status">
              {t('vaccinationSite.aefi.sent')}
            </p>
          )}
          {p.certificate && (
            <div data-testid="vaccination-certificate">
              <h3>{t('vaccination.mine.certificate')}</h3>
              <CertificateQr hc1={p.certificate.hc1} />
              <p style={{ overflowWrap: 'anywhere' }}>{p.certificate.uvci}</p>
              <p>
                {t('vaccination.mine.expires')}: {formatDate(p.certificate.expiresAt)}
              </p>
              <a className="btn" href={`/api/vaccination/mine/${p.personId}/certificate.pdf`}>
                {t('vaccination.mine.pdf')}
              </a>
            </div>
          )}
          <CorrectionPanel
            personId={p.personId}
            doses={p.doses}
            requests={corrections.filter((c) => c.personId === p.personId)}
            onFiled={load}
          />
        </div>
      ))}

      {bookings.length > 0 && (
        <>
          <h2>{t('vaccination.book.myBookings')}</h2>
          <ul data-testid="my-bookings">
            {bookings.map((b) => (
              <li key={b.id}>
                {b.personName}: {formatDateTime(b.slot.startsAt)} · {b.slot.siteName} · {b.code}
              </li>
            ))}
          </ul>
        </>
      )}

      {people && people.length > 0 && (
        <>
          <h2>{t('vaccination.book.title')}</h2>
          {done && (
            <p className="alert" role="status">
              {done}
            </p>
          )}
          <label>
            {t('vaccination.book.forWhom')}
            <select value={forWhom} onChange={(e) => setForWhom(e.target.value)}>
              {people.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {p.self ? `${p.name} (${t('vaccination.mine.self')})` : p.name}
                </option>
              ))}
            </select>
          </label>
          <h3>{t('vaccination.book.slots')}</h3>
          {slots.length === 0 && <p>{t('vaccination.book.noSlots')}</p>}
          <ul>
            {slots.slice(0, 30).map((s) => (
              <li key={s.id} className="card">
                <div>
                  <strong>{formatDateTime(s.startsAt)}</strong> · {s.siteName} ·{' '}
                  {t('vaccination.book.free', { n: s.free })}
                </div>
                <button className="btn" type="button" onClick={() => void book(s)}>
                  {t('vaccination.book.book')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
