import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  IdentityClaim,
  IdentityClaimListItem,
  IdentityClaimResolution,
  IdentityClaimResolved,
} from '@phongdich/contracts/people';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import { PersonFields } from './PersonFields';

const NUMBER_FIELDS = ['cccd', 'cmnd', 'passport', 'bhyt'] as const;

/**
 * The commune officer's identity claims: a citizen registered with a number another record holds.
 * The officer sees both records side by side (the holder masked outside their area) and resolves it.
 */
export default function IdentityClaimsPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<IdentityClaimListItem[] | null>(null);
  const [claim, setClaim] = useState<IdentityClaim | null>(null);
  const [done, setDone] = useState<IdentityClaimResolved['status'] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: IdentityClaimListItem[] }>('/api/identity-claims')).items);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const open = async (id: string) => {
    setError(null);
    setDone(null);
    try {
      setClaim(await api.get<IdentityClaim>(`/api/identity-claims/${id}`));
    } catch (e) {
      setError(e);
    }
  };

  const resolve = async (body: IdentityClaimResolution) => {
    if (!claim) return;
    setError(null);
    try {
      const res = await api.post<IdentityClaimResolved>(`/api/identity-claims/${claim.id}/resolve`, body);
      // The list is read again before the outcome shows, so the resolved claim is never seen listed.
      await load();
      setDone(res.status);
      setClaim(null);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section>
      <h1>{t('claims.title')}</h1>
      <p>{t('claims.intro')}</p>
      {/* Field details (a reason naming the other person, a number taken) are listed in the banner. */}
      <ErrorBanner error={error} />
      {done && (
        <p className="alert alert-ok" role="status">
          {t(`claims.resolved.${done}`)}
        </p>
      )}
      {claim ? (
        <ClaimDetail claim={claim} onResolve={resolve} onBack={() => setClaim(null)} />
      ) : (
        <ClaimList items={items} onOpen={(id) => void open(id)} />
      )}
    </section>
  );
}

function ClaimList({
  items,
  onOpen,
}: {
  items: IdentityClaimListItem[] | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (!items) return null;
  if (items.length === 0) return <p>{t('claims.empty')}</p>;
  return (
    <ul className="cards" aria-label={t('claims.title')}>
      {items.map((c) => (
        <li key={c.id} className="card" data-testid="identity-claim">
          <strong>{c.person.fullName}</strong> · {c.person.birthYear} · {c.person.communeName}
          <p className="hint">
            {t('claims.claimedAt', { at: formatDateTime(c.at) })} ·{' '}
            {t('claims.fields', { fields: c.fields.map((f) => t(`people.${f}`)).join(', ') })}
          </p>
          <button type="button" onClick={() => onOpen(c.id)}>
            {t('claims.open')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function ClaimDetail({
  claim,
  onResolve,
  onBack,
}: {
  claim: IdentityClaim;
  onResolve: (body: IdentityClaimResolution) => Promise<void>;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [numbers, setNumbers] = useState<Record<(typeof NUMBER_FIELDS)[number], string>>({
    cccd: claim.claimed.cccd ?? '',
    cmnd: claim.claimed.cmnd ?? '',
    passport: claim.claimed.passport ?? '',
    bhyt: claim.claimed.bhyt ?? '',
  });
  const holder = claim.holder;

  const reject = (e: FormEvent) => {
    e.preventDefault();
    void onResolve({ outcome: 'reject', reason });
  };
  const correct = (e: FormEvent) => {
    e.preventDefault();
    const typed = Object.fromEntries(NUMBER_FIELDS.map((k) => [k, numbers[k].trim() || null]));
    void onResolve({ outcome: 'correct', numbers: typed, version: claim.claimant.version });
  };

  return (
    <>
      <button type="button" onClick={onBack}>
        {t('claims.back')}
      </button>
      <p>
        {t('claims.claimed')}:{' '}
        <strong data-testid="claimed-numbers">
          {NUMBER_FIELDS.filter((k) => claim.claimed[k])
            .map((k) => `${t(`people.${k}`)} ${claim.claimed[k]}`)
            .join(', ')}
        </strong>
      </p>
      <div className="side-by-side">
        <section className="card" aria-labelledby="claimant-title" data-testid="claimant">
          <h2 id="claimant-title">{t('claims.claimant')}</h2>
          <PersonFields person={claim.claimant} />
        </section>
        <section className="card" aria-labelledby="holder-title" data-testid="holder">
          <h2 id="holder-title">{t('claims.holder')}</h2>
          {holder ? (
            <>
              {holder.masked && <p className="alert alert-warn">{t('claims.masked')}</p>}
              <PersonFields person={holder} />
            </>
          ) : (
            <p>{t('claims.noHolder')}</p>
          )}
        </section>
      </div>
      {holder && !holder.masked && (
        <section className="card">
          <p className="hint">{t('claims.mergeHint')}</p>
          <button type="button" onClick={() => void onResolve({ outcome: 'merge' })}>
            {t('claims.merge')}
          </button>
        </section>
      )}
      <form className="card" onSubmit={reject}>
        <label>
          {t('claims.reason')}
          <textarea
            name="reason"
            value={reason}
            maxLength={300}
            required
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <button type="submit">{t('claims.reject')}</button>
      </form>
      <form className="card" onSubmit={correct}>
        <h2>{t('claims.correct')}</h2>
        <p className="hint">{t('claims.correctHint')}</p>
        {NUMBER_FIELDS.map((k) => (
          <label key={k}>
            {t(`people.${k}`)}
            <input
              name={k}
              inputMode={k === 'passport' ? 'text' : 'numeric'}
              value={numbers[k]}
              maxLength={20}
              onChange={(e) => setNumbers((n) => ({ ...n, [k]: e.target.value }))}
            />
          </label>
        ))}
        <button type="submit">{t('claims.correct')}</button>
      </form>
    </>
  );
}
