import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n';
import type { Bilingual, Colour } from './types';

const COLOURS: Record<Colour, string> = {
  green: '#2e7d32',
  yellow: '#f9a825',
  orange: '#ef6c00',
  red: '#c62828',
};

/** The health-status colour band with the reasons, as shown beside a QR or a scan result. */
export function PersonBand({
  colour,
  title,
  subtitle,
  reasons,
}: {
  colour: Colour;
  title: string;
  subtitle?: string;
  reasons: Bilingual[];
}) {
  const { t } = useTranslation();
  return (
    <div
      data-testid="person-band"
      data-colour={colour}
      style={{ borderLeft: `16px solid ${COLOURS[colour]}`, padding: '0.5rem 1rem', margin: '0.5rem 0' }}
    >
      <strong style={{ fontSize: '1.3rem' }}>{title}</strong>
      {subtitle && <div>{subtitle}</div>}
      <div style={{ color: COLOURS[colour], fontWeight: 'bold' }}>{t(`scanner.colours.${colour}`)}</div>
      <ul>
        {reasons.map((r, i) => (
          <li key={i}>{r[currentLang()]}</li>
        ))}
      </ul>
    </div>
  );
}
