import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner';
import { holdsOf, releaseHold } from './holds.api';
import { EndedHolds } from './EndedHolds';
import { HoldForm } from './HoldForm';
import { HoldList } from './HoldList';
import type { HoldItem, HoldSubject } from './types';

/** "Investigation holds" on a person's or a point's page (officers of its area). */
export function HoldsSection({ subject }: { subject: HoldSubject }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<HoldItem[] | null>(null);
  const [ended, setEnded] = useState<HoldItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<'placed' | 'released' | null>(null);
  const [busy, setBusy] = useState(false);
  const { kind, id } = subject;

  const load = useCallback(() => {
    let current = true;
    const subject = { kind, id } as HoldSubject;
    Promise.all([holdsOf(subject), holdsOf(subject, false)])
      .then(([inForce, over]) => {
        if (!current) return;
        setItems(inForce);
        setEnded(over);
      })
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [kind, id]);
  useEffect(load, [load]);

  const release = async (item: HoldItem) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await releaseHold(item);
      setNotice('released');
      load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="holds-title">
      <h2 id="holds-title">{t('holds.title')}</h2>
      <p className="hint">{t('holds.intro')}</p>
      {notice && (
        <p className="alert alert-ok" role="status">
          {t(notice === 'placed' ? 'holds.placed' : 'holds.released')}
        </p>
      )}
      <ErrorBanner error={error} />
      {items ? (
        <HoldList items={items} busy={busy} onRelease={(h) => void release(h)} />
      ) : (
        !error && <p role="status">{t('app.loading')}</p>
      )}
      <EndedHolds items={ended} />
      <HoldForm
        subject={subject}
        onPlaced={() => {
          setNotice('placed');
          load();
        }}
      />
    </section>
  );
}
