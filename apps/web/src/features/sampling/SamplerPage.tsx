// The sampler's phone page: choose a session and its sample type, scan the person, scan the tube, link.
// A scan ends with Enter, so Enter in a field only selects (the person, or the tube); linking is its own
// button naming both. The tube stays in use for the next person of a pool, shown with its count.
// Works offline: links go to the shared queue with their client id and are sent exactly once.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { currentLang } from '../../i18n';
import { enqueue } from '../../offline/queue';
import { useQueueStatus } from '../../offline/use-queue-status';
import { CameraScanner } from '../scanner/CameraScanner';
import { SyncStatus } from '../scanner/SyncStatus';
import { SamplerTubeCard } from './SamplerTubeCard';
import { normalizeBarcode, registerSampleSender } from './sampling-api';
import { PersonSearchPicker } from './PersonSearchPicker';
import * as local from './sampler-state';
import type { Notice, SampleItem, SampleResult, SampleType, SessionSummary, Tube } from './types';

registerSampleSender();

/** A signed QR token is long and unbreakable: show its ends so it fits a 360 px screen. */
const shortCode = (code: string) => (code.length > 24 ? `${code.slice(0, 10)}…${code.slice(-6)}` : code);
const SAMPLE_TYPES: SampleType[] = ['nasopharyngeal', 'oropharyngeal', 'nasal', 'saliva'];

export default function SamplerPage() {
  const { t } = useTranslation();
  const queue = useQueueStatus();
  const [sessions, setSessions] = useState<SessionSummary[]>(local.cachedSessions);
  const [sessionId, setSessionId] = useState(local.chosenSession);
  const [code, setCode] = useState('');
  // The person shown as selected: a scanned code (resolved by the server on link) or a name-search pick.
  const [person, setPerson] = useState<{ key: string; label: string; picked: boolean } | null>(null);
  const [barcode, setBarcode] = useState('');
  // No default: a silent default was recorded on every sample. Chosen per session, shown on the tube.
  const [sampleType, setSampleType] = useState<SampleType | ''>('');
  const [tube, setTube] = useState<local.LocalTube | null>(null);
  const [busy, setBusy] = useState(false);
  // While a scanned tube is being looked up, linking waits: the tube must be on screen first.
  const [loadingTube, setLoadingTube] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  // A refusal (nothing was linked) is an alert; a confirmation is a status.
  const [message, setMessage] = useState<{ text: string; refusal: boolean } | null>(null);
  const say = (text: string) => setMessage({ text, refusal: false });
  const refuse = (text: string) => setMessage({ text, refusal: true });
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

  function clearFeedback() {
    setError(null);
    setNotices([]);
    setMessage(null);
  }

  /** A scan (or a typed code and Enter) in the person field: select the person, link nothing. */
  function selectPerson(raw: string) {
    clearFeedback();
    const key = raw.trim();
    setCode('');
    if (!key) return;
    setPerson({ key, label: shortCode(key), picked: false });
  }

  /** A scan in the tube field: this tube becomes the one in use, shown with its count. */
  async function selectTube(e: FormEvent) {
    e.preventDefault();
    clearFeedback();
    if (!barcode.trim()) return;
    const tubeCode = normalizeBarcode(barcode);
    if (!tubeCode) return refuse(t('sampling.sampler.badBarcode'));
    setBarcode('');
    setLoadingTube(true);
    try {
      setTube(await loadTube(tubeCode));
    } finally {
      setLoadingTube(false);
    }
    document.getElementById(person ? 'sample-link' : 'sample-person')?.focus();
  }

  /** The explicit link of the person and the tube both shown on screen. */
  async function link() {
    clearFeedback();
    if (busy) return;
    if (!sampleType) {
      refuse(t('sampling.sampler.needType'));
      return document.getElementById('sample-type')?.focus();
    }
    if (!person) {
      refuse(t('sampling.sampler.needPerson'));
      return document.getElementById('sample-person')?.focus();
    }
    if (!tube) {
      refuse(t('sampling.sampler.needTube'));
      return document.getElementById('sample-tube')?.focus();
    }
    const current = tube;
    if (current.sealed) return refuse(t('sampling.sampler.tubeSealed'));
    if (current.members.some((m) => m.key === person.key)) return refuse(t('sampling.sampler.localInTube'));
    if (current.members.length >= n) return refuse(t('sampling.sampler.localFull', { n }));
    const item: SampleItem = {
      id: crypto.randomUUID(),
      barcode: current.barcode,
      ...(person.picked ? { personId: person.key } : { code: person.key }),
      sessionId,
      sampleType,
      collectedAt: new Date().toISOString(),
    };
    const queueIt = async () => {
      await enqueue('sample', { ...item });
      setTube({
        ...current,
        members: [...current.members, { key: person.key, label: person.label, pending: true }],
      });
      setPerson(null);
      say(t('sampling.sampler.queued'));
    };
    setBusy(true);
    try {
      if (!navigator.onLine) await queueIt();
      else {
        try {
          const r = await api.post<SampleResult>('/api/testing/samples', item);
          setTube(local.fromServer(r.tube));
          setPerson(null);
          setNotices(r.warnings);
          say(t('sampling.sampler.linked', { barcode: current.barcode }));
        } catch (err) {
          if (err instanceof ApiError && err.status === 0) await queueIt();
          else setError(err);
        }
      }
    } finally {
      setBusy(false);
    }
    document.getElementById('sample-person')?.focus();
  }

  async function closeTube() {
    if (!tube) return;
    if (!navigator.onLine) return refuse(t('sampling.sampler.closeOffline'));
    try {
      setTube(local.fromServer(await api.post<Tube>(`/api/testing/tubes/${tube.barcode}/close`)));
      say(t('sampling.sampler.sealed'));
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
            setPerson(null);
            setSampleType('');
            clearFeedback();
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
        <>
          <div className="field">
            <label htmlFor="sample-type">{t('sampling.sampler.sampleType')}</label>
            <select
              id="sample-type"
              value={sampleType}
              onChange={(e) => setSampleType(e.target.value as SampleType | '')}
              required
            >
              <option value="">{t('sampling.sampler.chooseType')}</option>
              {SAMPLE_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`sampling.sampleTypes.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              selectPerson(code);
            }}
          >
            <div className="field">
              <label htmlFor="sample-person">{t('sampling.sampler.person')}</label>
              <input
                id="sample-person"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                aria-describedby="sample-person-hint"
                autoComplete="off"
                autoFocus
              />
              <small id="sample-person-hint">{t('sampling.sampler.personHint')}</small>
            </div>
          </form>
          <CameraScanner onCode={selectPerson} />
          {person ? (
            <p role="status" data-testid="sample-person-selected">
              {t('sampling.sampler.picked', { label: person.label })}{' '}
              <button type="button" onClick={() => setPerson(null)}>
                {t('sampling.sampler.clearPick')}
              </button>
            </p>
          ) : (
            <PersonSearchPicker
              onPick={(p) => {
                clearFeedback();
                setPerson({ key: p.id, label: p.label, picked: true });
              }}
            />
          )}
          <form onSubmit={(e) => void selectTube(e)}>
            <div className="field">
              <label htmlFor="sample-tube">{t('sampling.sampler.tube')}</label>
              <input
                id="sample-tube"
                value={barcode}
                onChange={(e) => setBarcode(e.target.value)}
                aria-describedby="sample-tube-hint"
                autoComplete="off"
              />
              <small id="sample-tube-hint">{t('sampling.sampler.tubeHint')}</small>
            </div>
          </form>
          {tube ? (
            <SamplerTubeCard
              tube={tube}
              n={n}
              sampleType={sampleType}
              onClose={() => void closeTube()}
              onNewTube={() => {
                setTube(null);
                setBarcode('');
                document.getElementById('sample-tube')?.focus();
              }}
            />
          ) : (
            <p data-testid="no-tube">{t('sampling.sampler.noTube')}</p>
          )}
          <button
            id="sample-link"
            className="btn btn-primary"
            type="button"
            disabled={busy || loadingTube}
            onClick={() => void link()}
          >
            {person && tube
              ? t('sampling.sampler.linkTo', {
                  person: person.label,
                  barcode: tube.barcode,
                  count: tube.members.length,
                  n,
                })
              : t('sampling.sampler.link')}
          </button>
        </>
      )}
      {message && (
        <p
          role={message.refusal ? 'alert' : 'status'}
          className={message.refusal ? 'alert alert-warn' : undefined}
          data-testid="sample-message"
        >
          {message.text}
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
    </section>
  );
}
