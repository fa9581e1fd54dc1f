// My personal QR, large, with the current colour; works offline from the last code fetched.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { api, ApiError } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PersonBand } from '../scanner/PersonBand';
import { loadMyPeople } from './my-people';
import type { FamilyPerson, MyQr } from './types';
import { formatDate } from '../../components/format';

const cacheKey = (personId: string) => `phongdich.myQr.${personId}`;

function cached(personId: string): MyQr | null {
  const raw = localStorage.getItem(cacheKey(personId));
  const qr = raw ? (JSON.parse(raw) as MyQr) : null;
  return qr && new Date(qr.expiresAt) > new Date() ? qr : null;
}

export default function MyQrPage() {
  const { t } = useTranslation();
  const [people, setPeople] = useState<FamilyPerson[] | null>(null);
  const [personId, setPersonId] = useState('');
  const [qr, setQr] = useState<MyQr | null>(null);
  const [fromCache, setFromCache] = useState(false);
  const [image, setImage] = useState('');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    void loadMyPeople().then((p) => {
      setPeople(p);
      if (p[0]) setPersonId(p[0].id);
    });
  }, []);

  useEffect(() => {
    if (!personId) return;
    setError(null);
    api
      .get<MyQr>('/api/me/qr', { personId })
      .then((r) => {
        localStorage.setItem(cacheKey(personId), JSON.stringify(r));
        setQr(r);
        setFromCache(false);
      })
      .catch((e: unknown) => {
        const c = cached(personId);
        if (c && (!(e instanceof ApiError) || e.status === 0 || e.status >= 500)) {
          setQr(c);
          setFromCache(true);
        } else {
          setQr(null);
          setError(e);
        }
      });
  }, [personId]);

  useEffect(() => {
    if (qr)
      void QRCode.toDataURL(qr.token, { errorCorrectionLevel: 'M', width: 360, margin: 2 }).then(setImage);
  }, [qr]);

  if (people && people.length === 0)
    return (
      <section>
        <h1>{t('checkin.myQrTitle')}</h1>
        <p>
          {t('checkin.noRecord')} <Link to="/me">{t('checkin.fillRecord')}</Link>
        </p>
      </section>
    );

  const name = people?.find((p) => p.id === personId)?.fullName ?? '';
  return (
    <section>
      <h1>{t('checkin.myQrTitle')}</h1>
      {people && people.length > 1 && (
        <label style={{ display: 'block', overflowWrap: 'anywhere' }}>
          {t('checkin.forPerson')}{' '}
          <select
            name="person"
            style={{ maxWidth: '100%' }}
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
          >
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorBanner error={error} />
      {qr && (
        <>
          <PersonBand colour={qr.colour} title={name} reasons={qr.reasons} />
          {image && (
            // Scaled down to the screen: a 360 px phone minus the page's padding is narrower than the image.
            <img
              src={image}
              alt={t('checkin.qrAlt')}
              data-testid="my-qr"
              width={360}
              height={360}
              style={{ maxWidth: '100%', height: 'auto' }}
            />
          )}
          <p>{t('checkin.qrHelp')}</p>
          {fromCache && <p role="status">{t('checkin.offlineCopy')}</p>}
          <p>{t('checkin.validUntil', { time: formatDate(qr.expiresAt) })}</p>
        </>
      )}
    </section>
  );
}
