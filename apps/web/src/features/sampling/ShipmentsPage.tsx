import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ManifestView } from './ManifestView';
import type { Lab, Manifest, SessionSummary, Tube } from './types';

/**
 * Samplers and officers: pick sealed tubes of a session and send them to a lab with a manifest. Nothing is
 * preselected (a tube sent to the wrong lab is hard to undo): "select all" is a button, the count chosen is
 * shown, and the manifest is created only after a confirmation naming the count, the lab and the carrier.
 */
interface Pending {
  /** One key and one sending time per confirmed manifest: a retried click never ships twice. */
  key: string;
  sentAt: string;
  labId: string;
  labName: string;
  carrier: string;
  barcodes: string[];
  people: number;
}

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
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  // On a phone the confirmation opens below the form: bring it into view so the tap visibly did something.
  useEffect(() => {
    if (confirming) confirmRef.current?.scrollIntoView({ block: 'center' });
  }, [confirming]);
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
        setChosen([]);
        setConfirming(null);
      })
      .catch(setError);
  }, [sessionId, shipments]);

  /** The form only asks: what is confirmed is this snapshot, shown in full. */
  function ask(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const picked = tubes.filter((x) => chosen.includes(x.barcode));
    if (picked.length === 0) return;
    setConfirming({
      key: crypto.randomUUID(),
      sentAt: new Date().toISOString(),
      labId,
      labName: labs.find((l) => l.id === labId)?.name ?? '',
      carrier,
      barcodes: picked.map((x) => x.barcode),
      people: picked.reduce((sum, x) => sum + x.count, 0),
    });
  }
  async function send(p: Pending) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.post<Manifest>(
        '/api/testing/shipments',
        { labId: p.labId, barcodes: p.barcodes, carrier: p.carrier, sentAt: p.sentAt },
        { 'Idempotency-Key': p.key },
      );
      setConfirming(null);
      setCarrier('');
      await loadShipments();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const toggle = (b: string) => {
    setConfirming(null);
    setChosen((xs) => (xs.includes(b) ? xs.filter((x) => x !== b) : [...xs, b]));
  };

  return (
    <section>
      <h1>{t('sampling.shipments.title')}</h1>
      <ErrorBanner error={error} />
      <form onSubmit={ask} className="card">
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
          {tubes.length > 0 && (
            <p>
              <button
                type="button"
                onClick={() => {
                  setConfirming(null);
                  setChosen(tubes.map((x) => x.barcode));
                }}
              >
                {t('sampling.shipments.selectAll', { count: tubes.length })}
              </button>{' '}
              <button
                type="button"
                onClick={() => {
                  setConfirming(null);
                  setChosen([]);
                }}
              >
                {t('sampling.shipments.selectNone')}
              </button>
            </p>
          )}
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
          {tubes.length > 0 && (
            <p data-testid="ship-chosen">
              {t('sampling.shipments.chosen', { count: chosen.length, total: tubes.length })}
            </p>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="ship-lab">{t('sampling.shipments.lab')}</label>
          <select
            id="ship-lab"
            value={labId}
            onChange={(e) => {
              setConfirming(null);
              setLabId(e.target.value);
            }}
            required
          >
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
          <input
            id="ship-carrier"
            value={carrier}
            onChange={(e) => {
              setConfirming(null);
              setCarrier(e.target.value);
            }}
            required
          />
        </div>
        <button className="btn btn-primary" type="submit" disabled={chosen.length === 0}>
          {t('sampling.shipments.send', { count: chosen.length })}
        </button>
      </form>
      {confirming && (
        <div
          ref={confirmRef}
          className="card"
          role="alertdialog"
          aria-labelledby="ship-confirm"
          data-testid="ship-confirm"
        >
          <p id="ship-confirm">
            {t('sampling.shipments.confirm', {
              count: confirming.barcodes.length,
              people: confirming.people,
              lab: confirming.labName,
              carrier: confirming.carrier,
            })}
          </p>
          <p>
            {confirming.barcodes.map((b) => (
              <code key={b} style={{ marginRight: 8 }}>
                {b}
              </code>
            ))}
          </p>
          <button
            className="btn btn-primary"
            type="button"
            disabled={busy}
            onClick={() => void send(confirming)}
          >
            {t('sampling.shipments.confirmSend')}
          </button>{' '}
          <button className="btn" type="button" onClick={() => setConfirming(null)}>
            {t('sampling.shipments.back')}
          </button>
        </div>
      )}
      <h2>{t('sampling.shipments.list')}</h2>
      {shipments.map((m) => (
        <ManifestView key={m.id} m={m} />
      ))}
    </section>
  );
}
