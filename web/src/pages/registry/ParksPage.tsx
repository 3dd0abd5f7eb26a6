import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Form,
  Grid,
  Input,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useAccess, useSession } from '../../auth/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { applyProblemToForm } from '../../components/form-problem';
import { useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import { registryKey, useParks, useSubdistricts } from './queries';
import { lockedSubdistrict, registrableSubdistricts, type Park } from './registry-logic';
import './registry.css';

interface ParkValues {
  name: string;
  address?: string | null;
  subdistrictId: string;
  operatorEnterpriseId?: string | null;
}

const parkFields = ['name', 'address', 'subdistrictId', 'operatorEnterpriseId'] as const;

/** Register a micro-park or edit one (name, address, subdistrict, operating enterprise). */
function ParkDrawer({ park, open, onClose }: { park: Park | null; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useSession();
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<ParkValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const subdistricts = useSubdistricts();
  const locked = lockedSubdistrict(me.roles);
  const allowed = registrableSubdistricts(me.roles);

  useEffect(() => {
    if (open) setAlert(null);
  }, [open]);

  const save = useMutation({
    mutationFn: (v: ParkValues) => {
      const body = {
        name: v.name.trim(),
        address: v.address?.trim() || null,
        subdistrictId: v.subdistrictId,
        operatorEnterpriseId: v.operatorEnterpriseId || null,
      };
      return park
        ? call(api.PATCH('/api/parks/{id}', { params: { path: { id: park.id } }, body }))
        : call(api.POST('/api/parks', { body }));
    },
    onMutate: () => setAlert(null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: registryKey });
      void message.success(park ? t('common.saved') : t('parks.created', { name: saved?.name ?? '' }));
      onClose();
    },
    onError: (error) => {
      const rest = applyProblemToForm(form, error, locale, parkFields);
      if (rest && (error as { code?: string }).code === 'PARK_NAME_TAKEN') {
        form.setFields([{ name: 'name', errors: [rest] }]);
        setAlert(null);
      } else setAlert(rest);
    },
  });

  const options = (subdistricts.data ?? [])
    .filter((u) => allowed === null || allowed.includes(u.id) || u.id === park?.subdistrictId)
    .map((u) => ({ value: u.id, label: u.name }));

  return (
    <Drawer
      title={park ? t('parks.edit.title', { name: park.name }) : t('parks.create.title')}
      open={open}
      onClose={onClose}
      size={compact ? '100%' : 520}
      destroyOnHidden
      footer={
        <Space className="sc-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {park ? t('common.save') : t('parks.create.submit')}
          </Button>
        </Space>
      }
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<ParkValues>
        form={form}
        name="park"
        layout="vertical"
        initialValues={
          park
            ? {
                name: park.name,
                address: park.address,
                subdistrictId: park.subdistrictId,
                operatorEnterpriseId: park.operatorEnterpriseId,
              }
            : { subdistrictId: locked ?? undefined }
        }
        onFinish={(v) => save.mutate(v)}
        disabled={save.isPending}
      >
        <Form.Item
          name="name"
          label={t('parks.field.name')}
          rules={[{ required: true, whitespace: true, message: t('parks.field.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('parks.field.address')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="subdistrictId"
          label={t('parks.field.subdistrict')}
          rules={[{ required: true, message: t('registry.field.subdistrictRequired') }]}
        >
          <Select
            options={options}
            placeholder={t('registry.filter.subdistrict')}
            disabled={locked !== null}
            showSearch={{ optionFilterProp: 'label' }}
            loading={subdistricts.isPending}
          />
        </Form.Item>
        <Form.Item
          name="operatorEnterpriseId"
          label={t('parks.field.operator')}
          extra={t('parks.field.operatorHint')}
        >
          <EnterpriseSelect label={park?.operatorName} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** 小微园区: the parks with their subdistrict, operator and tenants; a park opens the list of its enterprises. */
export default function ParksPage() {
  const { t, locale } = useI18n();
  const access = useAccess();
  const me = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(['sub', 'q'] as const);
  const parks = useParks(search.sub);
  const subdistricts = useSubdistricts();
  const [editing, setEditing] = useState<Park | null>(null);
  const [creating, setCreating] = useState(false);
  const q = (search.q ?? '').trim();
  const rows = (parks.data ?? []).filter(
    (p) => !q || p.name.includes(q) || (p.operatorName ?? '').includes(q),
  );

  const nameCell = (p: Park) => <Link to={`/enterprises?park=${p.id}`}>{p.name}</Link>;
  const operatorCell = (p: Park) =>
    p.operatorEnterpriseId && p.operatorName ? (
      <Link to={`/enterprises/${p.operatorEnterpriseId}`}>{p.operatorName}</Link>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  const tenantsCell = (p: Park) => (
    <Link to={`/enterprises?park=${p.id}`}>{t('parks.tenants', { n: p.tenantCount })}</Link>
  );
  const actions = (p: Park) =>
    p.abilities.update ? (
      <Button type="link" size="small" onClick={() => setEditing(p)}>
        {t('common.edit')}
      </Button>
    ) : null;

  const columns: TableColumnsType<Park> = compact
    ? [
        {
          title: t('parks.title'),
          key: 'park',
          render: (_, p) => (
            <div className="sc-stack">
              <Typography.Text strong>{nameCell(p)}</Typography.Text>
              <Typography.Text type="secondary" className="sc-small">
                {p.subdistrictName}
                {p.address ? ` · ${p.address}` : ''}
              </Typography.Text>
              <span>
                {t('parks.field.operator')}：{operatorCell(p)}
              </span>
              <Space size={8}>
                {tenantsCell(p)}
                {actions(p)}
              </Space>
            </div>
          ),
        },
      ]
    : [
        { title: t('parks.field.name'), key: 'name', render: (_, p) => nameCell(p) },
        { title: t('parks.field.subdistrict'), dataIndex: 'subdistrictName', width: 110 },
        {
          title: t('parks.field.address'),
          dataIndex: 'address',
          responsive: ['lg'],
          render: (v: string | null) => v || '—',
        },
        { title: t('parks.field.operator'), key: 'operator', render: (_, p) => operatorCell(p) },
        {
          title: t('parks.field.tenantCount'),
          dataIndex: 'tenantCount',
          width: 110,
          align: 'right',
          sorter: (a, b) => a.tenantCount - b.tenantCount,
          render: (_, p) => tenantsCell(p),
        },
        { title: t('common.actions'), key: 'actions', width: 90, render: (_, p) => actions(p) },
      ];

  return (
    <Card className="sc-page-card">
      <div className="sc-toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('parks.searchPlaceholder')}
            defaultValue={search.q}
            onSearch={(v) => setSearch({ q: v.trim() })}
            onChange={(e) => {
              if (e.target.value === '') setSearch({ q: null });
            }}
            className="sc-search"
          />
          {lockedSubdistrict(me.roles) ? null : (
            <Select
              allowClear
              placeholder={t('registry.filter.subdistrict')}
              value={search.sub}
              options={(subdistricts.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              onChange={(v?: string) => setSearch({ sub: v })}
              showSearch={{ optionFilterProp: 'label' }}
              className="sc-filter-select-narrow"
            />
          )}
        </Space>
        <Space wrap className="sc-reg-actions">
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void parks.refetch()}
              aria-label={t('common.refresh')}
            />
          </Tooltip>
          {access.abilities.createEnterprise ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('parks.create.button')}
            </Button>
          ) : null}
        </Space>
      </div>
      {parks.isError ? (
        <Alert type="error" showIcon title={problemMessage(parks.error, locale)} className="sc-form-alert" />
      ) : null}
      <Table<Park>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={parks.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('parks.empty') }}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
      <ParkDrawer park={editing} open={editing !== null} onClose={() => setEditing(null)} />
      <ParkDrawer park={null} open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
