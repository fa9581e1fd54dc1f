import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { Certificate } from './types';
import { formatDate } from '../../components/format';

/** The signed HC1 as a QR on screen (alphanumeric mode, ECC Q, like the PDF) and the PDF link. */
export function CertificateView({ resultId }: { resultId: string }) {
  const { t } = useTranslation();
  const [cert, setCert] = useState<Certificate | null>(null);
  const [image, setImage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api
      .get<Certificate>(`/api/me/results/${resultId}/certificate`)
      .then(async (c) => {
        setCert(c);
        setImage(
          await QRCode.toDataURL([{ data: c.hc1, mode: 'alphanumeric' }], {
            errorCorrectionLevel: 'Q',
            width: 320,
            margin: 2,
          }),
        );
      })
      .catch(setError);
  }, [resultId]);

  return (
    <div className="card" data-testid="certificate">
      <h3>{t('results.certificateTitle')}</h3>
      <ErrorBanner error={error} />
      {image && <img src={image} alt={t('results.qrAlt')} style={{ width: '100%', maxWidth: 320 }} />}
      {cert && (
        <>
          {/* A UVCI is one long unbroken string: let it wrap anywhere rather than widen a phone's page. */}
          <p style={{ overflowWrap: 'anywhere' }}>
            {t('results.uvci')}: <code data-testid="uvci">{cert.uvci}</code>
          </p>
          <p>
            {t('results.expires')}: {formatDate(cert.expiresAt)}
          </p>
          <textarea
            readOnly
            rows={3}
            value={cert.hc1}
            aria-label="HC1"
            data-testid="hc1"
            style={{ width: '100%' }}
          />
          <p>
            <a className="btn" href={`/api/me/results/${resultId}/certificate.pdf`} download>
              {t('results.pdf')}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
