import { Input, Select } from 'antd';
import { useEffect } from 'react';
import { bureauRoles, isRole, roleUnitKind, type Role } from '../../../../domain/roles';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { useAgencies } from '../agencies/queries';
import { useUnits } from './queries';

interface Props {
  role: string | undefined;
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}

/** The unit kind a role binds to, and whether the UI can offer a list of such units yet. */
export function unitChoice(
  role: string | undefined,
): 'none' | 'jurisdiction' | 'department' | 'subdistrict' | 'agency' | 'id' {
  if (!role || !isRole(role)) return 'none';
  const kind = roleUnitKind[role];
  if (kind === 'jurisdiction' || kind === 'department' || kind === 'subdistrict' || kind === 'agency') return kind;
  // enterprises and associations: their id (associations get their register in a later module)
  return 'id';
}

/**
 * The unit of a role binding, chosen the way the role needs: the jurisdiction itself, a department (only the
 * bureau for bureau roles), a subdistrict, or — for enterprises, agencies, associations — the unit's id.
 */
export function UnitPicker({ role, value, onChange, id }: Props) {
  const me = useSession();
  const { t } = useI18n();
  const choice = unitChoice(role);
  const units = useUnits(choice === 'department' || choice === 'subdistrict' ? choice : null);
  const agencies = useAgencies({ page: 1, pageSize: 200 }, choice === 'agency');

  useEffect(() => {
    if (choice === 'jurisdiction' && value !== me.jurisdiction.id) onChange?.(me.jurisdiction.id);
  }, [choice, value, me.jurisdiction.id, onChange]);

  if (choice === 'none') return <Select id={id} disabled placeholder={t('users.binding.pickRoleFirst')} />;
  if (choice === 'jurisdiction') {
    return (
      <Select
        id={id}
        value={me.jurisdiction.id}
        disabled
        options={[{ value: me.jurisdiction.id, label: me.jurisdiction.name }]}
      />
    );
  }
  if (choice === 'agency') {
    return (
      <Select
        id={id}
        value={value}
        onChange={onChange}
        options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
        loading={agencies.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('agencies.pickAgency')}
        notFoundContent={agencies.isError ? t('common.loadFailed') : undefined}
      />
    );
  }
  if (choice === 'id') {
    return (
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value.trim() || undefined)}
        placeholder={t('users.binding.unitIdPlaceholder')}
        allowClear
      />
    );
  }
  const onlyBureau = bureauRoles.has(role as Role);
  const options = (units.data ?? [])
    .filter((u) => !onlyBureau || u.isBureau)
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={units.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={
        choice === 'department' ? t('users.binding.pickDepartment') : t('users.binding.pickSubdistrict')
      }
      notFoundContent={units.isError ? t('common.loadFailed') : undefined}
    />
  );
}
