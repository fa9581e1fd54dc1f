import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ManifestView } from './ManifestView';
import type { Lab, Manifest, SessionSummary, Tube } from './types';

/** Samplers and officers: pick sealed tubes of a session and send them to a lab with a manifest. */
export default function ShipmentsPage() {
  const { t } = useTranslation();
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const [labs, setLabs] = useState<Lab[]>([]);
  const [sessionId, setSessionId] = useState('');
  const [tubes, setTubes] = useState<Tube[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [labId, setLabId] = useState('');
  const [carrier, setCarrier] = useState('');
  const [shipments, setShipments] = useState<Manifest[]>([]);
  const [error, setError] = useState<unknown>(null);

  const loadShipments = () =>
    api.get<{ items: Manifest[] }>('/api/testing/shipments').then((r) => setShipments(r.items));
  useEffect(() => {
    Promise.all([
      api.get<{ items: SessionSummary[] }>('/api/testing/sessions').then((r) => setSessions(r.items)),
      api.get<{ items: Lab[] }>('/api/testing/labs').then((r) => setLabs(r.items)),
      loadShipments(),
    ]).catch(setError);
  }, []);
  useEffect(() => {
    if (!sessionId) return setTubes([]);
    api
      .get<{ items: Tube[] }>(`/api/testing/sessions/${sessionId}/tubes`)
      .then((r) => {
        const ready = r.items.filter((x) => x.sealed && x.status === 'used');
        setTubes(ready);
        setChosen(ready.map((x) => x.barcode));
      })
      .catch(setError);
  }, [sessionId, shipments]);

  async function send(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post<Manifest>('/api/testing/shipments', {
        labId,
        barcodes: chosen,
        carrier,
        sentAt: new Date().toISOString(),
      });
      setCarrier('');
      await loadShipments();
    } catch (err) {
      setError(err);
    }
  }
  const toggle = (b: string) => setChosen((xs) => (xs.includes(b) ? xs.filter((x) => x !== b) : [...xs, b]));

  return (
    <section>
      <h1>{t('sampling.shipments.title')}</h1>
      <ErrorBanner error={error} />
      <form onSubmit={(e) => void send(e)} className="card">
        <div className="field">
          <label htmlFor="ship-session">{t('sampling.shipments.session')}</label>
          <select id="ship-session" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
            <option value="">—</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.date} · {s.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('sampling.shipments.sealedTubes')}</legend>
          {tubes.length === 0 && <p>{t('sampling.shipments.none')}</p>}
          {tubes.map((x) => (
            <label key={x.barcode} style={{ display: 'block' }}>
              <input
                type="checkbox"
                checked={chosen.includes(x.barcode)}
                onChange={() => toggle(x.barcode)}
              />{' '}
              <code>{x.barcode}</code> · {x.count} {t('sampling.shipments.people')}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="ship-lab">{t('sampling.shipments.lab')}</label>
          <select id="ship-lab" value={labId} onChange={(e) => setLabId(e.target.value)} required>
            <option value="">—</option>
            {labs.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ship-carrier">{t('sampling.shipments.carrier')}</label>
          <input id="ship-carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} required />
        </div>
        <button className="btn btn-primary" type="submit" disabled={chosen.length === 0}>
          {t('sampling.shipments.send', { count: chosen.length })}
        </button>
      </form>
      <h2>{t('sampling.shipments.list')}</h2>
      {shipments.map((m) => (
        <ManifestView key={m.id} m={m} />
      ))}
    </section>
  );
}
