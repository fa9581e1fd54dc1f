import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Person } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PersonFields } from '../people/PersonFields';

/**
 * A relative the citizen declared, read from their own record (/api/me/person lists what they may see of
 * each one), so opening a family member never lands on the officers' page and its "no permission".
 */
export default function FamilyMemberPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [member, setMember] = useState<Person | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api
      .get<{ person: Person | null; family: Person[] }>('/api/me/person')
      .then((r) => current && setMember(r.family.find((m) => m.id === id) ?? null))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [id]);

  if (error) return <ErrorBanner error={error} />;
  if (member === undefined) return <p role="status">{t('app.loading')}</p>;
  return (
    <section>
      <h1>{member ? t('citizenMore.memberTitle', { name: member.fullName }) : t('citizen.title')}</h1>
      {member ? (
        <>
          <p>{t('citizenMore.memberIntro')}</p>
          <div className="card">
            <PersonFields person={member} familyLink={(m) => `/me/family/${m}`} />
          </div>
        </>
      ) : (
        <p className="alert alert-warn">{t('citizenMore.notYours')}</p>
      )}
      <p>
        <Link to="/me">{t('citizenMore.backToMine')}</Link>
      </p>
    </section>
  );
}
