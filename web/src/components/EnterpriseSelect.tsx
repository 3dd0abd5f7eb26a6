import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, call } from '../api/client';
import { useI18n } from '../i18n';
import { useDebounced } from './use-debounced';

/**
 * Pick an enterprise of the register by name or USCC (searches `GET /api/enterprises`, so only enterprises the
 * user can see are offered). `label` names the current value when it is not among the results.
 */
export function EnterpriseSelect({
  id,
  value,
  label,
  placeholder,
  excludeId,
  onChange,
  disabled,
}: {
  id?: string;
  value?: string | null;
  label?: string | null;
  placeholder?: string;
  /** leave this enterprise out (an enterprise is never its own host) */
  excludeId?: string;
  onChange?: (id: string | null) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim());
  const list = useQuery({
    queryKey: ['registry', 'enterprises', 'pick', q],
    queryFn: () =>
      call(api.GET('/api/enterprises', { params: { query: { q: q || undefined, page: 1, pageSize: 20 } } })),
    staleTime: 30_000,
    enabled: !disabled,
  });
  const options = (list.data?.items ?? [])
    .filter((e) => e.id !== excludeId)
    .map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }));
  if (value && label && !options.some((o) => o.value === value)) options.unshift({ value, label });
  return (
    <Select
      id={id}
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      options={options}
      loading={list.isFetching}
      placeholder={placeholder ?? t('enterpriseSelect.placeholder')}
      notFoundContent={list.isFetching ? undefined : t('enterpriseSelect.none')}
      onChange={(v?: string) => onChange?.(v ?? null)}
      popupMatchSelectWidth={false}
      className="sc-full-width"
    />
  );
}
