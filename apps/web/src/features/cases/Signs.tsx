import { useTranslation } from 'react-i18next';

/** Warning signs as red badges (nothing when there are none). */
export function Signs({ signs }: { signs: string[] }) {
  const { t } = useTranslation();
  if (!signs.length) return null;
  return (
    <span className="badge badge-danger" data-testid="warning-signs">
      {t('cases.page.warning')}: {signs.map((s) => t(`cases.signs.${s}`, { defaultValue: s })).join(', ')}
    </span>
  );
}
