import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Person } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ErrorBanner } from '../../components/ErrorBanner';
import { BreakGlassForm } from './BreakGlassForm';
import { DuplicatesSection } from './DuplicatesSection';
import { HistorySection } from './HistorySection';
import { PersonEditForm } from './PersonEditForm';
import { PersonFields } from './PersonFields';
import { PersonCheckinsSection } from './PersonCheckinsSection';
import { PersonStatusSection } from './PersonStatusSection';
import { PersonResultsSection } from './PersonResultsSection';
import { PersonDeclarationsSection } from '../declarations/PersonDeclarationsSection';
import { HoldsSection } from '../holds/HoldsSection';

/** One person: full inside the jurisdiction; masked outside, with the audited break-the-glass path. */
export default function PersonDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const created = (useLocation().state as { notice?: string } | null)?.notice === 'created';
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [brokeGlass, setBrokeGlass] = useState(false);
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let current = true;
    setPerson(null);
    setBrokeGlass(false);
    setEditing(false);
    setSaved(false);
    setError(null);
    api
      .get<Person>(`/api/people/${id}`)
      .then((p) => current && setPerson(p))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [id]);

  if (error) return <ErrorBanner error={error} />;
  if (!person) return <p role="status">{t('app.loading')}</p>;

  const full = !person.masked;
  return (
    <section>
      <h1>{t('people.detailTitle')}</h1>
      {created && (
        <p className="alert alert-ok" role="status">
          {t('people.created')}
        </p>
      )}
      {brokeGlass && (
        <p className="alert alert-warn" role="status">
          {t('people.breakGlassRecorded')}
        </p>
      )}
      {person.masked && (
        <div className="alert alert-warn" role="note">
          <p style={{ marginTop: 0 }}>
            <span className="badge badge-warn">{t('people.outside')}</span> {t('people.maskedBanner')}
          </p>
          {person.canBreakGlass ? (
            <BreakGlassForm
              personId={person.id}
              onOpened={(p) => {
                setPerson(p);
                setBrokeGlass(true);
              }}
            />
          ) : (
            <p>{t('people.noBreakGlass')}</p>
          )}
        </div>
      )}
      {saved && (
        <p className="alert alert-ok" role="status">
          {t('personPage.saved')}
        </p>
      )}
      {editing ? (
        <PersonEditForm
          person={person}
          onCancel={() => setEditing(false)}
          onSaved={(p) => {
            setPerson(p);
            setEditing(false);
            setSaved(true);
            setReload((n) => n + 1);
          }}
        />
      ) : (
        <div className="card">
          <PersonFields person={person} />
          {/* Only a full record in the officer's own area is editable; a masked or glass-broken one is read-only. */}
          {full && !brokeGlass && can('person.update') && !person.mergedInto && (
            <button
              type="button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('personPage.edit')}
            </button>
          )}
        </div>
      )}
      {full && !brokeGlass && can('person.merge') && !person.mergedInto && (
        <DuplicatesSection
          personId={person.id}
          onMerged={(p) => {
            setPerson(p);
            setReload((n) => n + 1);
          }}
        />
      )}
      {full && !brokeGlass && can('status.read') && (
        <PersonStatusSection personId={person.id} name={person.fullName} />
      )}
      {full && !brokeGlass && <PersonResultsSection personId={person.id} />}
      {full && !brokeGlass && <HistorySection personId={person.id} reload={reload} />}
      {full && !brokeGlass && can('declaration.read') && <PersonDeclarationsSection personId={person.id} />}
      {full && !brokeGlass && can('checkin.trace') && <PersonCheckinsSection personId={person.id} />}
      {full && !brokeGlass && can('checkin.hold') && (
        <HoldsSection subject={{ kind: 'person', id: person.id }} />
      )}
    </section>
  );
}
