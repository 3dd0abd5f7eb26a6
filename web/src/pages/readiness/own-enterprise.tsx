import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ownEnterpriseIds } from '../registry/registry-logic';

/**
 * The enterprise an enterprise user works for: its enterprise_user binding. A user bound to several picks one
 * (kept in `?enterpriseId=` so links and reloads keep it); the first otherwise.
 */
export function useOwnEnterprise(): { ids: string[]; id: string | undefined; pick: (id: string) => void } {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const ids = ownEnterpriseIds(me.roles);
  const wanted = params.get('enterpriseId');
  const id = wanted && ids.includes(wanted) ? wanted : ids[0];
  const pick = (next: string) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set('enterpriseId', next);
        return p;
      },
      { replace: true },
    );
  return { ids, id, pick };
}

/** A select of the user's own enterprises; nothing when there is only one. */
export function OwnEnterprisePicker({ own }: { own: ReturnType<typeof useOwnEnterprise> }) {
  const me = useSession();
  const { t } = useI18n();
  if (own.ids.length < 2) return null;
  const names = new Map(me.roles.filter((r) => r.role === 'enterprise_user').map((r) => [r.unitId, r.unitName]));
  return (
    <Select
      aria-label={t('readiness.pickEnterprise')}
      value={own.id}
      onChange={own.pick}
      options={own.ids.map((id) => ({ value: id, label: names.get(id) || id }))}
      className="sc-ready-picker"
    />
  );
}
