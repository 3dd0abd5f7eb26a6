import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, call } from '../api/client';
import { useDebounced } from './use-debounced';
import { useI18n } from '../i18n';

/** Pick a user by name or username (needs the manageUsers ability, which lists users). */
export function UserSelect({
  value,
  label,
  placeholder,
  onChange,
}: {
  value: string | undefined;
  /** the label of the selected user when it is not among the search results */
  label?: string;
  placeholder?: string;
  onChange: (id: string | undefined, label?: string) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim());
  const users = useQuery({
    queryKey: ['users', 'list', { q, page: 1, pageSize: 20 }],
    queryFn: () =>
      call(api.GET('/api/users', { params: { query: { q: q || undefined, page: 1, pageSize: 20 } } })),
    staleTime: 30_000,
  });
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName}（${u.username}）`,
  }));
  if (value && label && !options.some((o) => o.value === value)) options.unshift({ value, label });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      options={options}
      loading={users.isFetching}
      placeholder={placeholder ?? t('audit.filter.actor')}
      onChange={(id?: string) => onChange(id, options.find((o) => o.value === id)?.label)}
      className="sc-filter-select"
    />
  );
}
