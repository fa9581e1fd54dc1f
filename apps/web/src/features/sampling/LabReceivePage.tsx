import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { WedgeInput } from '../scanner/WedgeInput';
import { ManifestView } from './ManifestView';
import type { Manifest, ReceiveReport } from './types';
import { formatDateTime } from '../../components/format';

/** Lab staff: scan every tube of an arriving shipment; missing and extra tubes are flagged. */
export default function LabReceivePage() {
  const { t } = useTranslation();
  const [shipments, setShipments] = useState<Manifest[]>([]);
  const [current, setCurrent] = useState<Manifest | null>(null);
  const [scanned, setScanned] = useState<string[]>([]);
  const [report, setReport] = useState<ReceiveReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = () =>
    api
      .get<{ items: Manifest[] }>('/api/testing/shipments')
      .then((r) => setShipments(r.items.filter((m) => m.status === 'in_transit')))
      .catch(setError);
  useEffect(() => void load(), []);

  async function confirm() {
    if (!current) return;
    setError(null);
    try {
      setReport(
        await api.post<ReceiveReport>(`/api/testing/shipments/${current.id}/receive`, { barcodes: scanned }),
      );
      setCurrent(null);
      setScanned([]);
      await load();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section>
      <h1>{t('sampling.receive.title')}</h1>
      <ErrorBanner error={error} />
      {!current && (
        <>
          <h2>{t('sampling.receive.choose')}</h2>
          {shipments.length === 0 && <p>{t('sampling.receive.none')}</p>}
          <ul>
            {shipments.map((m) => (
              <li key={m.id}>
                <button type="button" onClick={() => setCurrent(m)}>
                  {formatDateTime(m.sentAt)} · {m.sender} · {m.carrier} · {m.tubeCount}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {current && (
        <div className="card">
          <ManifestView m={current} />
          <WedgeInput
            label={t('sampling.receive.scan')}
            submitLabel={t('sampling.receive.add')}
            onCode={(code) =>
              setScanned((xs) => (xs.includes(code.toUpperCase()) ? xs : [...xs, code.toUpperCase()]))
            }
          />
          <p data-testid="scanned-count">{t('sampling.receive.scanned', { count: scanned.length })}</p>
          <ul>
            {scanned.map((b) => (
              <li key={b}>
                <code>{b}</code>
              </li>
            ))}
          </ul>
          <button className="btn btn-primary" type="button" onClick={() => void confirm()}>
            {t('sampling.receive.confirm')}
          </button>
        </div>
      )}
      {report && (
        <div className="card" data-testid="receive-report">
          <p>
            {t('sampling.receive.received')}: {report.received.length}
          </p>
          <p className={report.missing.length ? 'alert alert-error' : ''}>
            {t('sampling.receive.missing')}: {report.missing.join(', ') || '0'}
          </p>
          <p className={report.extra.length ? 'alert alert-warn' : ''}>
            {t('sampling.receive.extra')}: {report.extra.join(', ') || '0'}
          </p>
        </div>
      )}
    </section>
  );
}
