import { LockOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Grid,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { User, UserListQuery } from '../../api/types';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { roleText } from '../../labels';
import { useRoleOptions } from './BindingFields';
import { CreateUserDrawer } from './CreateUserDrawer';
import { EditUserDrawer } from './EditUserDrawer';
import { ResetPasswordModal, showInitialPassword } from './ResetPasswordModal';
import { usersKey } from './queries';

const searchKeys = ['q', 'role', 'status', 'page', 'size'] as const;
const pageSizes = [20, 50, 100];

/** Users of the jurisdiction: search, page, create, edit, disable/enable, reset password, unlock. */
export function UsersTab() {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const [search, setSearch] = useSearchState(searchKeys);
  const [qDraft, setQDraft] = useState(search.q ?? '');
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const compact = Grid.useBreakpoint().md === false;

  const page = pageParam(search.page, 1);
  const pageSize = pageParam(search.size, 20);
  const query: UserListQuery = {
    q: search.q,
    role: search.role as UserListQuery['role'],
    status: search.status as UserListQuery['status'],
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: [...usersKey, 'list', query],
    queryFn: () => call(api.GET('/api/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const setStatus = useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'active' | 'disabled' }) =>
      call(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: { status } })),
    onSuccess: (u) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      void message.success(u.status === 'active' ? t('users.enabled') : t('users.disabled'));
    },
    onError: (error) => void message.error(problemMessage(error, locale)),
  });
  const unlock = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/users/{id}/unlock', { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      void message.success(t('users.unlocked'));
    },
    onError: (error) => void message.error(problemMessage(error, locale)),
  });

  const roles = (u: User) => (
    <Space size={[0, 4]} wrap>
      {u.bindings.map((b) => (
        <Tooltip key={b.id} title={b.unitName}>
          <Tag color="blue">{roleText(b.role, locale)}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
  const status = (u: User) => (
    <Space size={[0, 4]} wrap>
      {u.status === 'active' ? (
        <Tag color="green">{t('users.status.active')}</Tag>
      ) : (
        <Tag>{t('users.status.disabled')}</Tag>
      )}
      {u.lockedUntil ? (
        <Tooltip title={t('users.lockedUntil', { time: formatDateTime(u.lockedUntil) })}>
          <Tag color="red" icon={<LockOutlined />}>
            {t('users.status.locked')}
          </Tag>
        </Tooltip>
      ) : null}
      {u.mustChangePassword ? <Tag color="orange">{t('users.status.mustChange')}</Tag> : null}
    </Space>
  );
  const actions = (u: User) => (
    <Space size={0} wrap className="sc-row-actions">
      {u.abilities?.update ? (
        <Button type="link" size="small" onClick={() => setEditingId(u.id)}>
          {t('common.edit')}
        </Button>
      ) : null}
      {u.abilities?.update ? (
        <Popconfirm
          title={
            u.status === 'active'
              ? t('users.disableConfirm', { name: u.displayName })
              : t('users.enableConfirm', { name: u.displayName })
          }
          onConfirm={() =>
            setStatus
              .mutateAsync({ id: u.id, status: u.status === 'active' ? 'disabled' : 'active' })
              .catch(() => undefined)
          }
        >
          <Button type="link" size="small" danger={u.status === 'active'}>
            {u.status === 'active' ? t('users.disable') : t('users.enable')}
          </Button>
        </Popconfirm>
      ) : null}
      {u.abilities?.resetPassword ? (
        <Button type="link" size="small" onClick={() => setResetting(u)}>
          {t('users.resetPassword')}
        </Button>
      ) : null}
      {u.lockedUntil && u.abilities?.unlock ? (
        <Button
          type="link"
          size="small"
          onClick={() => unlock.mutate(u.id)}
          loading={unlock.isPending && unlock.variables === u.id}
        >
          {t('users.unlock')}
        </Button>
      ) : null}
    </Space>
  );

  // a phone gets one column per user (name, roles, status, actions stacked); a desktop gets the full table
  const columns: TableColumnsType<User> = compact
    ? [
        {
          title: t('users.tab.users'),
          key: 'user',
          render: (_, u) => (
            <div className="sc-stack">
              <div>
                <Typography.Text strong>{u.displayName}</Typography.Text>{' '}
                <Typography.Text type="secondary">{u.username}</Typography.Text>
              </div>
              {roles(u)}
              {status(u)}
              {actions(u)}
            </div>
          ),
        },
      ]
    : [
        {
          title: t('users.field.username'),
          dataIndex: 'username',
          width: 140,
          render: (v: string, u) =>
            u.abilities?.update ? (
              <Button type="link" className="sc-link-cell" onClick={() => setEditingId(u.id)}>
                {v}
              </Button>
            ) : (
              v
            ),
        },
        { title: t('users.field.displayName'), dataIndex: 'displayName', width: 120 },
        { title: t('users.field.roles'), key: 'roles', render: (_, u) => roles(u) },
        {
          title: t('users.field.phone'),
          dataIndex: 'phone',
          width: 130,
          responsive: ['xxl'],
          render: (v: string | null) => v || '—',
        },
        { title: t('users.field.status'), key: 'status', width: 150, render: (_, u) => status(u) },
        {
          title: t('users.field.lastLogin'),
          dataIndex: 'lastLoginAt',
          width: 150,
          responsive: ['xl'],
          render: (v: string | null) => formatDateTime(v),
        },
        { title: t('common.actions'), key: 'actions', fixed: 'right', render: (_, u) => actions(u) },
      ];

  return (
    <>
      <div className="sc-toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            value={qDraft}
            onChange={(e) => setQDraft(e.target.value)}
            onSearch={(value) => setSearch({ q: value.trim(), page: null })}
            className="sc-search"
          />
          <Select
            allowClear
            placeholder={t('users.filter.role')}
            value={search.role}
            options={roleOptions}
            onChange={(v?: string) => setSearch({ role: v, page: null })}
            className="sc-filter-select"
          />
          <Select
            allowClear
            placeholder={t('users.filter.status')}
            value={search.status}
            options={[
              { value: 'active', label: t('users.status.active') },
              { value: 'disabled', label: t('users.status.disabled') },
            ]}
            onChange={(v?: string) => setSearch({ status: v, page: null })}
            className="sc-filter-select-narrow"
          />
        </Space>
        <Space wrap>
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void list.refetch()}
              aria-label={t('common.refresh')}
            />
          </Tooltip>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create.button')}
          </Button>
        </Space>
      </div>
      {list.isError ? (
        <Typography.Text type="danger">{problemMessage(list.error, locale)}</Typography.Text>
      ) : null}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        sticky={{ offsetHeader: 56 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: pageSizes,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) =>
            setSearch({ page: size !== pageSize ? null : p, size: size === 20 ? null : size }),
        }}
      />
      <CreateUserDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user, password) => {
          setCreating(false);
          void message.success(t('users.created', { name: user.displayName }));
          showInitialPassword(modal, t, user, password);
        }}
      />
      <EditUserDrawer userId={editingId} onClose={() => setEditingId(null)} />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user, password) => {
          setResetting(null);
          void queryClient.invalidateQueries({ queryKey: usersKey });
          showInitialPassword(modal, t, user, password);
        }}
      />
    </>
  );
}
