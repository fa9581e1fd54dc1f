import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, ROLES, type Role } from '@phongdich/contracts';
import { api } from '../../api/client';
import type { AccountSummary, Unit } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SelectField } from '../../components/Field';
import { UnitPicker } from '../../components/UnitPicker';
import { currentLang } from '../../i18n';
import { unitLevelForRole } from './i18n';

/** Moves an account to another role and unit; the unit is picked by name at the level the role needs. */
export function ChangeRoleForm({
  account,
  onChanged,
}: {
  account: AccountSummary;
  onChanged: (a: AccountSummary) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [role, setRole] = useState<Role>(account.role);
  const [unit, setUnit] = useState<Unit | null>(null);
  const [error, setError] = useState<unknown>(null);
  const level = unitLevelForRole(role);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const unitCode = level === 'none' ? null : (unit?.code ?? account.unitCode);
      onChanged(await api.patch<AccountSummary>(`/api/accounts/${account.id}`, { role, unitCode }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('accountsMore.changeRole')}>
      <SelectField
        label={t('accountsMore.newRole')}
        name="role"
        value={role}
        error={error}
        onChange={(v) => {
          setRole(v as Role);
          setUnit(null);
        }}
      >
        {ROLES.filter((r) => r !== 'citizen').map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r][lang]}
          </option>
        ))}
      </SelectField>
      {level === 'none' ? (
        <p className="hint">{t('accountsMore.nationalUnit')}</p>
      ) : (
        <UnitPicker
          label={t('accountsMore.newUnit')}
          name="unitCode"
          level={level}
          value={unit}
          onChange={setUnit}
          error={error}
        />
      )}
      <ErrorBanner error={error} placed={['role', 'unitCode']} />
      <button type="submit" className="btn-primary">
        {t('common.save')}
      </button>
    </form>
  );
}
