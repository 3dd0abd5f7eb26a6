import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { LoginLogEntry } from '../../api/types';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { UserSelect } from '../../components/UserSelect';
import { useI18n, type MessageKey } from '../../i18n';

const searchKeys = ['luser', 'luserLabel', 'lpage', 'lsize'] as const;

const outcomes: Record<string, { label: MessageKey; color: string }> = {
  success: { label: 'loginLog.outcome.success', color: 'green' },
  bad_password: { label: 'loginLog.outcome.bad_password', color: 'orange' },
  unknown_user: { label: 'loginLog.outcome.unknown_user', color: 'orange' },
  locked: { label: 'loginLog.outcome.locked', color: 'red' },
  disabled: { label: 'loginLog.outcome.disabled', color: 'default' },
  logout: { label: 'loginLog.outcome.logout', color: 'default' },
};

/** Every login attempt of the jurisdiction's users, newest first. */
export function LoginLogTab() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchState(searchKeys);
  const page = pageParam(search.lpage, 1);
  const pageSize = pageParam(search.lsize, 20);
  const userId = search.luser;
  const list = useQuery({
    queryKey: ['login-log', userId, page, pageSize],
    queryFn: () => call(api.GET('/api/login-log', { params: { query: { userId, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<LoginLogEntry> = [
    { title: t('loginLog.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
    { title: t('loginLog.username'), dataIndex: 'username', width: 160 },
    {
      title: t('loginLog.outcome'),
      dataIndex: 'outcome',
      width: 130,
      render: (v: string) => {
        const o = outcomes[v];
        return <Tag color={o?.color}>{o ? t(o.label) : v}</Tag>;
      },
    },
    { title: t('loginLog.ip'), dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('loginLog.userAgent'),
      dataIndex: 'userAgent',
      responsive: ['lg'],
      width: 360,
      ellipsis: { showTitle: true },
      render: (v: string | null) => v ?? '—',
    },
  ];

  return (
    <>
      <div className="sc-toolbar">
        <UserSelect
          value={userId}
          label={search.luserLabel}
          placeholder={t('loginLog.filter.user')}
          onChange={(id, label) => setSearch({ luser: id, luserLabel: id ? label : null, lpage: null })}
        />
      </div>
      {list.isError ? (
        <Typography.Text type="danger">{problemMessage(list.error, locale)}</Typography.Text>
      ) : null}
      <Table<LoginLogEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) =>
            setSearch({ lpage: size !== pageSize ? null : p, lsize: size === 20 ? null : size }),
        }}
      />
    </>
  );
}
