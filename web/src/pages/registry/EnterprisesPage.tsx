import {
  DownloadOutlined,
  FilterOutlined,
  PlusOutlined,
  ReloadOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Grid,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useAccess, useSession } from '../../auth/session';
import { downloadFile } from '../../components/download';
import { useDebounced } from '../../components/use-debounced';
import { useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { IndustrySelect } from './IndustrySelect';
import { enterprisesKey, useEnterprise, useParks, useSubdistricts } from './queries';
import {
  columnSortOrder,
  enterpriseFilterQuery,
  enterpriseListQuery,
  enterpriseSearchKeys,
  hasFilters,
  lockedSubdistrict,
  pageSizes,
  scaleOptions,
  scaleText,
  sortPatch,
  statusOptions,
  type Enterprise,
} from './registry-logic';
import './registry.css';

/** Sorting on phones, where the table has no column headers to click. */
const phoneSorts: { value: string; label: MessageKey }[] = [
  { value: 'name:asc', label: 'registry.sort.name' },
  { value: 'employeeCount:desc', label: 'registry.sort.employeesDesc' },
  { value: 'updatedAt:desc', label: 'registry.sort.updatedDesc' },
  { value: 'uscc:asc', label: 'registry.sort.uscc' },
];
import { StatusTag } from './StatusTag';

/** 企业名录: search, filter, sort and page the register (all kept in the URL), export it, register, import. */
export default function EnterprisesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useSession();
  const access = useAccess();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(enterpriseSearchKeys);
  const [qDraft, setQDraft] = useState(search.q ?? '');
  const q = useDebounced(qDraft.trim(), 350);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const ownSubdistrict = lockedSubdistrict(me.roles);

  // the search box writes the URL once typing settles; a URL change from elsewhere (back button) refills it
  const written = useRef(search.q ?? '');
  useEffect(() => {
    if (q === written.current) return;
    written.current = q;
    setSearch({ q, page: null });
  }, [q, setSearch]);
  useEffect(() => {
    const fromUrl = search.q ?? '';
    if (fromUrl === written.current) return;
    written.current = fromUrl;
    setQDraft(fromUrl);
  }, [search.q]);

  const query = enterpriseListQuery(search);
  const list = useQuery({
    queryKey: [...enterprisesKey, 'list', query],
    queryFn: () => call(api.GET('/api/enterprises', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const subdistricts = useSubdistricts();
  const parks = useParks();
  const host = useEnterprise(query.hostEnterpriseId);

  const filterBy = (patch: Parameters<typeof setSearch>[0]) => setSearch({ ...patch, page: null });
  const filtered = hasFilters(search);
  const filterCount = Object.keys(enterpriseFilterQuery({ ...search, q: undefined })).length;

  const exportList = async () => {
    setExporting(true);
    try {
      await downloadFile(
        api.GET('/api/enterprises/export', {
          params: { query: enterpriseFilterQuery(search) },
          parseAs: 'blob',
        }),
        t('registry.export.fileName'),
      );
    } catch (error) {
      void message.error(problemMessage(error, locale));
    } finally {
      setExporting(false);
    }
  };

  const nameCell = (e: Enterprise) => (
    <Link to={`/enterprises/${e.id}`} className="sc-reg-name">
      {e.name}
    </Link>
  );
  const placeCell = (e: Enterprise) =>
    e.parkName || e.hostName ? (
      <Space size={[4, 2]} wrap>
        {e.parkName ? <Tag color="geekblue">{e.parkName}</Tag> : null}
        {e.hostName ? (
          <Tooltip title={t('registry.field.hostEnterprise')}>
            <Tag color="purple">{t('registry.list.inHost', { name: e.hostName })}</Tag>
          </Tooltip>
        ) : null}
      </Space>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const columns: TableColumnsType<Enterprise> = compact
    ? [
        {
          title: t('registry.list.title'),
          key: 'enterprise',
          render: (_, e) => (
            <div className="sc-stack">
              {nameCell(e)}
              <Typography.Text className="sc-mono">{e.uscc}</Typography.Text>
              <Space size={[4, 4]} wrap>
                <StatusTag status={e.operatingStatus} />
                <Tag>{scaleText(e.scale, locale)}</Tag>
                {ownSubdistrict ? null : <Tag>{e.subdistrictName}</Tag>}
              </Space>
              <Typography.Text type="secondary" className="sc-small">
                {e.industryCode} {e.industryName}
                {e.employeeCount !== null ? ` · ${t('registry.list.employees', { n: e.employeeCount })}` : ''}
              </Typography.Text>
              {e.parkName || e.hostName ? placeCell(e) : null}
            </div>
          ),
        },
      ]
    : [
        {
          title: t('registry.field.name'),
          dataIndex: 'name',
          key: 'name',
          sorter: true,
          sortOrder: columnSortOrder(search, 'name'),
          render: (_, e) => nameCell(e),
        },
        {
          title: t('registry.col.uscc'),
          dataIndex: 'uscc',
          key: 'uscc',
          sorter: true,
          sortOrder: columnSortOrder(search, 'uscc'),
          width: 176,
          render: (v: string) => <span className="sc-mono">{v}</span>,
        },
        // an officer held to one subdistrict sees only that one: no column for it
        ...(ownSubdistrict
          ? []
          : [{ title: t('registry.field.subdistrict'), dataIndex: 'subdistrictName', width: 100 }]),
        {
          title: t('registry.col.industry'),
          key: 'industry',
          responsive: ['xl'],
          render: (_, e) => (
            <Tooltip title={`${e.industryCode} ${e.industryName}`}>
              <span className="sc-reg-industry">{e.industryName}</span>
            </Tooltip>
          ),
        },
        {
          title: t('registry.col.scale'),
          dataIndex: 'scale',
          width: 64,
          render: (v: string) => scaleText(v, locale),
        },
        {
          title: t('registry.col.employeeCount'),
          dataIndex: 'employeeCount',
          key: 'employeeCount',
          sorter: true,
          sortOrder: columnSortOrder(search, 'employeeCount'),
          width: 90,
          align: 'right',
          responsive: ['xl'],
          render: (v: number | null) => v ?? '—',
        },
        {
          title: t('registry.col.status'),
          dataIndex: 'operatingStatus',
          width: 90,
          render: (v: Enterprise['operatingStatus']) => <StatusTag status={v} />,
        },
        {
          title: t('registry.list.place'),
          key: 'place',
          responsive: ['xxl'],
          render: (_, e) => placeCell(e),
        },
        {
          title: t('registry.field.updatedAt'),
          dataIndex: 'updatedAt',
          key: 'updatedAt',
          sorter: true,
          sortOrder: columnSortOrder(search, 'updatedAt'),
          width: 150,
          responsive: ['xxl'],
          render: (v: string) => formatDateTime(v),
        },
      ];

  const filters = (
    <Space wrap className="sc-reg-filters">
      {ownSubdistrict ? null : (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('registry.filter.subdistrict')}
          value={search.sub}
          options={(subdistricts.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          loading={subdistricts.isPending}
          onChange={(v?: string) => filterBy({ sub: v, park: null })}
          className="sc-filter-select-narrow"
          aria-label={t('registry.filter.subdistrict')}
        />
      )}
      <IndustrySelect
        value={search.ind}
        onChange={(v) => filterBy({ ind: v })}
        className="sc-filter-select"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('registry.filter.park')}
        value={search.park}
        options={(parks.data ?? [])
          .filter((p) => !search.sub || p.subdistrictId === search.sub)
          .map((p) => ({ value: p.id, label: p.name }))}
        loading={parks.isPending}
        onChange={(v?: string) => filterBy({ park: v })}
        className="sc-filter-select"
        popupMatchSelectWidth={false}
        aria-label={t('registry.filter.park')}
      />
      <Select
        allowClear
        placeholder={t('registry.filter.scale')}
        value={search.scale}
        options={scaleOptions(locale)}
        onChange={(v?: string) => filterBy({ scale: v })}
        className="sc-filter-select-narrow"
        aria-label={t('registry.filter.scale')}
      />
      <Select
        allowClear
        placeholder={t('registry.filter.status')}
        value={search.status}
        options={statusOptions(locale)}
        onChange={(v?: string) => filterBy({ status: v })}
        className="sc-filter-select-narrow"
        aria-label={t('registry.filter.status')}
      />
      {compact ? (
        <Select
          value={query.sort ? `${query.sort}:${query.order ?? 'asc'}` : 'name:asc'}
          options={phoneSorts.map((o) => ({ value: o.value, label: t(o.label) }))}
          onChange={(v: string) => {
            const [sort, order] = v.split(':');
            setSearch({
              sort: sort === 'name' && order === 'asc' ? null : sort,
              order: order === 'desc' ? order : null,
              page: null,
            });
          }}
          className="sc-filter-select"
          aria-label={t('registry.sort.label')}
          prefix={t('registry.sort.label')}
        />
      ) : null}
      {filtered ? (
        <Button
          type="link"
          onClick={() => {
            written.current = '';
            setQDraft('');
            filterBy({ q: null, sub: null, ind: null, park: null, scale: null, status: null, host: null });
          }}
        >
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <Card className="sc-page-card">
      <div className="sc-toolbar">
        <Input.Search
          allowClear
          placeholder={t('registry.searchPlaceholder')}
          value={qDraft}
          onChange={(e) => setQDraft(e.target.value)}
          onSearch={(value) => {
            written.current = value.trim();
            setQDraft(value);
            filterBy({ q: value.trim() });
          }}
          className="sc-reg-search"
          aria-label={t('registry.searchPlaceholder')}
        />
        <Space wrap className="sc-reg-actions">
          {compact ? (
            <Badge count={filterCount} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)}>
                {t('registry.filter.toggle')}
              </Button>
            </Badge>
          ) : null}
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void list.refetch()}
              aria-label={t('common.refresh')}
            />
          </Tooltip>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportList()}>
            {t('registry.export.button')}
          </Button>
          {access.abilities.importEnterprises ? (
            <Button icon={<UploadOutlined />} onClick={() => void navigate('/enterprises/import')}>
              {t('registry.import.button')}
            </Button>
          ) : null}
          {access.abilities.createEnterprise ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('registry.create.button')}
            </Button>
          ) : null}
        </Space>
      </div>
      {!compact || filtersOpen ? <div className="sc-reg-filter-row">{filters}</div> : null}
      {query.hostEnterpriseId ? (
        <div className="sc-reg-filter-row">
          <Tag closable color="purple" onClose={() => filterBy({ host: null })}>
            {t('registry.filter.hostIs', { name: host.data?.name ?? '…' })}
          </Tag>
        </div>
      ) : null}
      {list.isError ? (
        <Typography.Text type="danger">{problemMessage(list.error, locale)}</Typography.Text>
      ) : null}
      <Table<Enterprise>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        sticky={{ offsetHeader: 56 }}
        locale={{ emptyText: filtered ? t('registry.list.noMatch') : t('registry.list.empty') }}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Enterprise> | undefined;
          setSearch(sortPatch(s?.columnKey ?? s?.field, s?.order));
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: [...pageSizes],
          showSizeChanger: true,
          showTotal: (total) => t('registry.list.total', { total }),
          onChange: (p, size) =>
            setSearch({
              page: size !== query.pageSize || p === 1 ? null : p,
              size: size === 20 ? null : size,
            }),
          size: compact ? 'small' : undefined,
        }}
      />
      <EnterpriseFormDrawer
        mode="create"
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(e) => {
          setCreating(false);
          void message.success(t('registry.create.done', { name: e.name }));
          void navigate(`/enterprises/${e.id}`);
        }}
      />
    </Card>
  );
}
