import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../components/format';
import { currentLang } from '../../i18n';
import { enqueue } from '../../offline/queue';
import { useQueueStatus } from '../../offline/use-queue-status';
import { AefiForm, type AefiFields } from './AefiForm';
import { AEFI_KIND, DOSE_KIND, SCREENING_KIND, registerDoseSender } from './dose-sync';
import { findPersonId } from './find-person';
import type { DayList, DueItem, DuePage, PersonAtSite, ScreeningDecisionCode, Site } from './types';

const DECISIONS: ScreeningDecisionCode[] = ['vaccinate', 'postpone', 'refer_hospital', 'contraindicated'];
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
/** The site's screen refreshes the day list this often (arrivals, doses, who may leave). */
const REFRESH_MS = 15_000;

/**
 * The vaccinator's page: find the person with the one scanner's code (personal QR, CCCD QR, BHYT, ID
 * number), screen them, record the dose. The dose goes through the offline queue with a client id,
 * so it is kept on the phone without a network and synced exactly once.
 */
export default function VaccinatorPage() {
  const { t } = useTranslation();
  const queue = useQueueStatus();
  const [site, setSite] = useState<Site | null | undefined>(undefined);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<PersonAtSite | null>(null);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [decision, setDecision] = useState<ScreeningDecisionCode>('vaccinate');
  const [postponeUntil, setPostponeUntil] = useState('');
  const [reason, setReason] = useState('');
  const [lotId, setLotId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [day, setDay] = useState<DayList | null>(null);
  const [dayAt, setDayAt] = useState<Date | null>(null);
  const [moreDue, setMoreDue] = useState<DueItem[]>([]);
  const [dueNext, setDueNext] = useState<string | null>(null);
  const [reactionFor, setReactionFor] = useState<{ personId: string; doseId: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => registerDoseSender(), []);
  const loadDay = useCallback((s: Site) => {
    api
      .get<DayList>(`/api/vaccination/sites/${s.id}/day`, { date: today() })
      .then((d) => {
        setDay(d);
        setDayAt(new Date());
        setMoreDue([]);
        setDueNext(d.dueNext);
      })
      .catch(() => undefined);
  }, []);
  // The day list is the site's screen: kept fresh while the page is open (offline, the last one stays).
  useEffect(() => {
    if (!site) return;
    const timer = setInterval(() => loadDay(site), REFRESH_MS);
    return () => clearInterval(timer);
  }, [site, loadDay]);

  async function arrive(bookingId: string) {
    setError(null);
    try {
      await api.post(`/api/vaccination/bookings/${bookingId}/arrival`, {});
      if (site) loadDay(site);
    } catch (err) {
      setError(err);
    }
  }

  async function loadMoreDue() {
    if (!site || !dueNext) return;
    try {
      const page = await api.get<DuePage>(`/api/vaccination/sites/${site.id}/due`, {
        date: today(),
        after: dueNext,
      });
      setMoreDue((m) => [...m, ...page.items]);
      setDueNext(page.next);
    } catch (err) {
      setError(err);
    }
  }

  async function reportReaction(f: AefiFields) {
    if (!site || !reactionFor) return;
    // Queued like the dose: a reaction seen at a site without a network is not lost.
    await enqueue(AEFI_KIND, { id: crypto.randomUUID(), ...reactionFor, siteId: site.id, ...f });
    setReactionFor(null);
    setMessage(t('vaccinationSite.aefi.queued'));
    loadDay(site);
  }
  useEffect(() => {
    api
      .get<Site[]>('/api/vaccination/sites')
      .then((sites) => {
        setSite(sites[0] ?? null);
        if (sites[0]) loadDay(sites[0]);
      })
      .catch(setError);
  }, [loadDay]);

  async function find(e: FormEvent) {
    e.preventDefault();
    if (!site || !code.trim()) return;
    setError(null);
    setMessage(null);
    setFound(null);
    try {
      const personId = await findPersonId(code);
      const p = await api.get<PersonAtSite>(`/api/vaccination/sites/${site.id}/people/${personId}`);
      setFound(p);
      setAnswers(Object.fromEntries(p.questionSet.questions.map((q) => [q.id, false])));
      setDecision('vaccinate');
      setLotId(p.lots[0]?.id ?? '');
      setCode('');
    } catch (err) {
      setError(err);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!site || !found) return;
    setError(null);
    const clientId = crypto.randomUUID();
    const screening = { answers, decision, postponeUntil: postponeUntil || null, reason: reason || null };
    try {
      if (decision === 'vaccinate') {
        // Queued first (IndexedDB), then sent: a phone without a network keeps it until it syncs.
        await enqueue(DOSE_KIND, {
          id: clientId,
          personId: found.person.id,
          siteId: site.id,
          lotId,
          administeredAt: new Date().toISOString(),
          screening,
        });
        setMessage(t('vaccination.site.queued'));
      } else {
        // The screening and its decision go through the same offline queue as a dose, with a client id.
        await enqueue(SCREENING_KIND, {
          id: clientId,
          personId: found.person.id,
          siteId: site.id,
          screenedAt: new Date().toISOString(),
          ...screening,
        });
        setMessage(t('vaccinationSite.screeningQueued'));
      }
      setFound(null);
      loadDay(site);
    } catch (err) {
      setError(err);
    }
  }

  if (site === null) return <p>{t('vaccination.site.noSite')}</p>;
  const lang = currentLang();
  return (
    <section className="narrow">
      <h1>
        {t('vaccination.site.title')}
        {site && `: ${site.name}`}
      </h1>
      <p data-testid="sync-status">
        {!queue.online && `${t('vaccination.site.offline')} · `}
        {queue.pending > 0
          ? t('vaccination.site.pending', { n: queue.pending })
          : t('vaccination.site.synced')}
      </p>
      <ErrorBanner error={error} />
      {message && (
        <p className="alert" role="status">
          {message}
        </p>
      )}
      <form onSubmit={(e) => void find(e)}>
        <label>
          {t('vaccination.site.scan')}
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" name="code" />
        </label>
        <button className="btn" type="submit">
          {t('vaccination.site.find')}
        </button>
      </form>

      {found && (
        <form className="card" onSubmit={(e) => void submit(e)} data-testid="vaccination-person">
          <h2>
            {found.person.fullName} ({found.person.birthYear})
          </h2>
          <h3>{t('vaccination.site.history')}</h3>
          <ul>
            {found.doses.map((d) => (
              <li key={d.id}>
                {d.doseNumber}: {formatDate(d.administeredAt)} · {d.productMp}
              </li>
            ))}
          </ul>
          <h3>{t('vaccination.site.next')}</h3>
          <ul>
            {found.eligibility.map((e) => (
              <li key={e.mp}>
                {e.mp}:{' '}
                {e.eligible
                  ? t('vaccination.site.eligible', { n: e.doseNumber })
                  : t('vaccination.site.notEligible', { reason: e.reason })}
              </li>
            ))}
          </ul>
          <fieldset>
            <legend>{t('vaccination.site.screening')}</legend>
            {found.questionSet.questions.map((q) => (
              <label key={q.id} style={{ display: 'block' }}>
                <input
                  type="checkbox"
                  name={q.id}
                  checked={answers[q.id] ?? false}
                  onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.checked })}
                />{' '}
                {q.text[lang]}
              </label>
            ))}
          </fieldset>
          <label>
            {t('vaccination.site.decision')}
            <select
              name="decision"
              value={decision}
              onChange={(e) => setDecision(e.target.value as ScreeningDecisionCode)}
            >
              {DECISIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`vaccination.site.decisions.${d}`)}
                </option>
              ))}
            </select>
          </label>
          {decision === 'postpone' && (
            <label>
              {t('vaccination.site.postponeUntil')}
              <input
                type="date"
                value={postponeUntil}
                onChange={(e) => setPostponeUntil(e.target.value)}
                required
              />
            </label>
          )}
          {decision !== 'vaccinate' && (
            <label>
              {t('vaccination.site.reason')}
              <input value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
          )}
          {decision === 'vaccinate' && (
            <label>
              {t('vaccination.site.lot')}
              <select name="lot" value={lotId} onChange={(e) => setLotId(e.target.value)} required>
                {found.lots.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.productMp} · {l.lotNumber} · {formatDate(l.expiresOn)} · {l.remaining}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button className="btn" type="submit">
            {decision === 'vaccinate' ? t('vaccination.site.record') : t('vaccination.site.saveScreening')}
          </button>
        </form>
      )}

      {reactionFor && <AefiForm onSubmit={reportReaction} onCancel={() => setReactionFor(null)} />}

      {day && (
        <>
          <p>
            {dayAt && t('vaccinationSite.refreshed', { time: formatDateTime(dayAt.toISOString()) })}{' '}
            <button className="btn secondary" type="button" onClick={() => site && loadDay(site)}>
              {t('vaccinationSite.refresh')}
            </button>
          </p>
          <h2>{t('vaccination.site.observation')}</h2>
          <ul data-testid="observation">
            {day.observation.map((o) => (
              <li key={o.doseId}>
                {o.fullName} · {o.doseNumber} ·{' '}
                {o.mayLeave
                  ? t('vaccinationSite.mayLeave')
                  : `${t('vaccinationSite.stay')} ${t('vaccination.site.until', { time: formatDateTime(o.observeUntil) })}`}
                {o.reaction && (
                  <strong>
                    {' '}
                    ·{' '}
                    {t('vaccinationSite.reaction', {
                      severity: t(`vaccinationSite.aefi.severities.${o.reaction}`),
                    })}
                  </strong>
                )}{' '}
                <button
                  className="btn secondary"
                  type="button"
                  onClick={() => setReactionFor({ personId: o.personId, doseId: o.doseId })}
                >
                  {t('vaccinationSite.reportReaction')}
                </button>
              </li>
            ))}
          </ul>
          <h2>{t('vaccination.site.booked')}</h2>
          <ul data-testid="booked">
            {day.booked.map((b) => (
              <li key={b.bookingId}>
                {formatDateTime(b.startsAt)} · {b.fullName} ·{' '}
                {b.vaccinated
                  ? t('vaccinationSite.vaccinated')
                  : b.arrivedAt
                    ? t('vaccinationSite.arrived', { time: formatDateTime(b.arrivedAt) })
                    : ''}
                {!b.arrivedAt && !b.vaccinated && (
                  <button className="btn" type="button" onClick={() => void arrive(b.bookingId)}>
                    {t('vaccinationSite.arrive')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <h2>{t('vaccination.site.due')}</h2>
          <ul data-testid="due">
            {[...day.due, ...moreDue].map((d) => (
              <li key={d.personId}>
                {d.fullName} ({d.birthYear}) · {t('vaccination.mine.dose', { n: d.doseNumber })} ·{' '}
                {formatDate(d.dueFrom)}
              </li>
            ))}
          </ul>
          {dueNext && (
            <button className="btn secondary" type="button" onClick={() => void loadMoreDue()}>
              {t('vaccinationSite.dueMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
