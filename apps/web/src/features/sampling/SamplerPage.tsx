// The sampler's phone page: choose a session, scan the person, scan the tube, link. Works offline:
// links go to the shared queue with their client id and are sent exactly once when back online.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { currentLang } from '../../i18n';
import { enqueue, useQueueStatus } from '../../offline/queue';
import { CameraScanner } from '../scanner/CameraScanner';
import { SyncStatus } from '../scanner/SyncStatus';
import { normalizeBarcode, registerSampleSender } from './sampling-api';
import { PersonSearchPicker } from './PersonSearchPicker';
import * as local from './sampler-state';
import type { Notice, SampleItem, SampleResult, SampleType, SessionSummary, Tube } from './types';

registerSampleSender();
const SAMPLE_TYPES: SampleType[] = ['nasopharyngeal', 'oropharyngeal', 'nasal', 'saliva'];

export default function SamplerPage() {
  const { t } = useTranslation();
  const queue = useQueueStatus();
  const [sessions, setSessions] = useState<SessionSummary[]>(local.cachedSessions);
  const [sessionId, setSessionId] = useState(local.chosenSession);
  const [code, setCode] = useState('');
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const [barcode, setBarcode] = useState('');
  const [sampleType, setSampleType] = useState<SampleType>('nasopharyngeal');
  const [tube, setTube] = useState<local.LocalTube | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const session = sessions.find((s) => s.id === sessionId);
  const n = session?.poolSize ?? 1;

  useEffect(() => {
    api
      .get<{ items: SessionSummary[] }>('/api/testing/sessions')
      .then((r) => {
        const open = r.items.filter((s) => s.status === 'open');
        setSessions(open);
        local.cacheSessions(open);
      })
      .catch(() => undefined); // offline: the cached list stays
  }, []);

  // After a sync, show the tube as the server now has it (names instead of codes).
  useEffect(() => {
    if (!tube || !queue.online || queue.pending > 0) return;
    if (!tube.members.some((m) => m.pending)) return;
    api
      .get<Tube>(`/api/testing/tubes/${tube.barcode}`)
      .then((s) => setTube(local.fromServer(s)))
      .catch(() => undefined);
  }, [queue.online, queue.pending, queue.lastSyncAt, tube]);

  async function loadTube(code: string): Promise<local.LocalTube> {
    if (tube?.barcode === code) return tube;
    if (!navigator.onLine) return { barcode: code, sealed: false, members: [] };
    try {
      return local.fromServer(await api.get<Tube>(`/api/testing/tubes/${code}`));
    } catch {
      return { barcode: code, sealed: false, members: [] };
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotices([]);
    setMessage('');
    const person = picked ? picked.id : code.trim();
    if (!person) return document.getElementById('sample-person')?.focus();
    if (!barcode.trim()) return document.getElementById('sample-tube')?.focus();
    const tubeCode = normalizeBarcode(barcode);
    if (!tubeCode) return setMessage(t('sampling.sampler.badBarcode'));
    const current = await loadTube(tubeCode);
    setTube(current);
    if (current.members.some((m) => m.key === person)) return setMessage(t('sampling.sampler.localInTube'));
    if (current.members.length >= n) return setMessage(t('sampling.sampler.localFull', { n }));
    const item: SampleItem = {
      id: crypto.randomUUID(),
      barcode: tubeCode,
      ...(picked ? { personId: picked.id } : { code: person }),
      sessionId,
      sampleType,
      collectedAt: new Date().toISOString(),
    };
    const queueIt = async () => {
      await enqueue('sample', { ...item });
      const label = picked?.label ?? person;
      setTube({ ...current, members: [...current.members, { key: person, label, pending: true }] });
      setMessage(t('sampling.sampler.queued'));
    };
    setCode('');
    setPicked(null);
    if (!navigator.onLine) await queueIt();
    else {
      try {
        const r = await api.post<SampleResult>('/api/testing/samples', item);
        setTube(local.fromServer(r.tube));
        setNotices(r.warnings);
        setMessage(t('sampling.sampler.linked', { barcode: tubeCode }));
      } catch (err) {
        if (err instanceof ApiError && err.status === 0) await queueIt();
        else setError(err);
      }
    }
    document.getElementById('sample-person')?.focus();
  }

  async function closeTube() {
    if (!tube) return;
    if (!navigator.onLine) return setMessage(t('sampling.sampler.closeOffline'));
    try {
      setTube(local.fromServer(await api.post<Tube>(`/api/testing/tubes/${tube.barcode}/close`)));
      setMessage(t('sampling.sampler.sealed'));
    } catch (err) {
      setError(err);
    }
  }

  const lang = currentLang();
  return (
    <section className="sampler" style={{ maxWidth: 480 }}>
      <h1>{t('sampling.sampler.title')}</h1>
      <SyncStatus kind="sample" />
      <div className="field">
        <label htmlFor="sample-session">{t('sampling.sampler.session')}</label>
        <select
          id="sample-session"
          value={sessionId}
          onChange={(e) => {
            setSessionId(e.target.value);
            local.chooseSession(e.target.value);
            setTube(null);
          }}
        >
          <option value="">{t('sampling.sampler.chooseSession')}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.date} · {s.name}
            </option>
          ))}
        </select>
        {sessions.length === 0 && <p>{t('sampling.sampler.noSessions')}</p>}
        {session && <p>{t('sampling.sampler.pool', { n })}</p>}
      </div>
      {session && (
        <form onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="sample-person">{t('sampling.sampler.person')}</label>
            <input
              id="sample-person"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
              autoFocus
            />
          </div>
          <CameraScanner onCode={(text) => setCode(text)} />
          {picked ? (
            <p role="status">
              {t('sampling.sampler.picked', { label: picked.label })}{' '}
              <button type="button" onClick={() => setPicked(null)}>
                {t('sampling.sampler.clearPick')}
              </button>
            </p>
          ) : (
            <PersonSearchPicker onPick={setPicked} />
          )}
          <div className="field">
            <label htmlFor="sample-tube">{t('sampling.sampler.tube')}</label>
            <input
              id="sample-tube"
              value={barcode}
              onChange={(e) => setBarcode(e.target.value)}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor="sample-type">{t('sampling.sampler.sampleType')}</label>
            <select
              id="sample-type"
              value={sampleType}
              onChange={(e) => setSampleType(e.target.value as SampleType)}
            >
              {SAMPLE_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`sampling.sampleTypes.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button className="btn btn-primary" type="submit">
            {t('sampling.sampler.link')}
          </button>
        </form>
      )}
      {message && (
        <p role="status" data-testid="sample-message">
          {message}
        </p>
      )}
      {notices.map((w) => (
        <p
          key={w.code + (w.barcode ?? '')}
          className="alert alert-warn"
          role="alert"
          data-testid="sample-warning"
        >
          {w.message[lang]}
        </p>
      ))}
      <ErrorBanner error={error} />
      {tube && (
        <div className="card" data-testid="current-tube">
          <h2>
            {t('sampling.sampler.currentTube', { barcode: tube.barcode, count: tube.members.length, n })}
            {tube.sealed && ` · ${t('sampling.sampler.sealed')}`}
          </h2>
          <ol>
            {tube.members.map((m) => (
              <li key={m.key}>
                {m.label} {m.pending && <em>({t('sampling.sampler.memberPending')})</em>}
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => void closeTube()}
            disabled={tube.sealed || tube.members.length === 0}
          >
            {t('sampling.sampler.close')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setTube(null);
              setBarcode('');
            }}
          >
            {t('sampling.sampler.newTube')}
          </button>
        </div>
      )}
    </section>
  );
}
