// The citizen's own and their family's personal QR cards on one page, ready to print: a relative without
// a phone (a child, a grandparent) carries a paper card, and the venue scans it like the one on screen.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../components/format';
import { loadMyPeople } from '../checkin/my-people';
import type { MyQr } from '../checkin/types';

interface Card {
  personId: string;
  fullName: string;
  image: string;
  expiresAt: string;
}

export default function QrCardsPrintPage() {
  const { t } = useTranslation();
  const [cards, setCards] = useState<Card[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const people = await loadMyPeople();
        const out: Card[] = [];
        // One at a time: a family is a handful of people, and a cheap phone on a slow link copes better.
        for (const p of people) {
          const qr = await api.get<MyQr>('/api/me/qr', { personId: p.id });
          const image = await QRCode.toDataURL(qr.token, {
            errorCorrectionLevel: 'M',
            width: 320,
            margin: 2,
          });
          out.push({ personId: p.id, fullName: p.fullName, image, expiresAt: qr.expiresAt });
        }
        if (current) setCards(out);
      } catch (e) {
        if (current) setError(e);
      }
    })();
    return () => {
      current = false;
    };
  }, []);

  return (
    <section>
      <h1>{t('citizenMore.cardsTitle')}</h1>
      <p className="no-print">{t('citizenMore.cardsIntro')}</p>
      <ErrorBanner error={error} />
      {!cards && !error && <p role="status">{t('app.loading')}</p>}
      {cards && cards.length === 0 && (
        <p>
          {t('checkin.noRecord')} <Link to="/me">{t('checkin.fillRecord')}</Link>
        </p>
      )}
      {cards && cards.length > 0 && (
        <>
          <p className="no-print">
            <button type="button" className="btn-primary" onClick={() => window.print()}>
              {t('citizenMore.print')}
            </button>
          </p>
          <ul className="qr-cards">
            {cards.map((c) => (
              <li key={c.personId} className="qr-card" data-testid="qr-card">
                <strong>{c.fullName}</strong>
                <img src={c.image} alt={t('checkin.qrAlt')} width={320} height={320} />
                <small>{t('citizenMore.validUntil', { date: formatDate(c.expiresAt) })}</small>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
