import { FilterOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  List,
  Pagination,
  Segmented,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useAccess, useSession } from '../../auth/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { lockedSubdistrict } from '../registry/registry-logic';
import { useSubdistricts } from '../registry/queries';
import { DeadlineText, HazardStatusTag, SeverityTag } from './HazardTags';
import {
  currentView,
  hasFineFilters,
  hazardListQuery,
  hazardPageSizes,
  hazardSearchKeys,
  hazardStatuses,
  hazardStatusLabel,
  hazardViewLabel,
  hazardViews,
  viewCountQuery,
  type Hazard,
  type HazardView,
} from './hazards-logic';
import { hazardsKey } from './queries';
import './hazards.css';

const wideRoles = new Set([
  'system_admin',
  'bureau_admin',
  'bureau_reviewer',
  'department_officer',
  'enforcement_officer',
]);

/**
 * 隐患看板: quick views with counts (待整改 / 待验收 / 已逾期 / 重大 / 全部), finer filters, all in the URL; a table on
 * desktop and cards on phones; overdue in red, major tagged. The server scopes and sorts (unresolved, major and
 * nearest deadlines first).
 */
export default function HazardsPage() {
  const { t, locale } = useI18n();
  const me = useSession();
  const access = useAccess();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(hazardSearchKeys);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const view = currentView(search);
  const query = hazardListQuery(search);
  const roles = me.roles.map((r) => r.role);
  const ownSubdistrict = lockedSubdistrict(me.roles);
  const pickSubdistrict = !ownSubdistrict && roles.some((r) => wideRoles.has(r));
  const pickEnterprise = access.abilities.viewRegister === true;
  const isEnterprise = roles.length > 0 && roles.every((r) => r === 'enterprise_user');

  const list = useQuery({
    queryKey: [...hazardsKey, 'list', query],
    queryFn: () => call(api.GET('/api/hazards', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const counts = useQueries({
    queries: hazardViews.map((v) => {
      const q = viewCountQuery(search, v);
      return {
        queryKey: [...hazardsKey, 'count', q],
        queryFn: () => call(api.GET('/api/hazards', { params: { query: q } })),
        select: (page: { total: number }) => page.total,
      };
    }),
  });
  const countOf = (v: HazardView) => counts[hazardViews.indexOf(v)]?.data;
  const subdistricts = useSubdistricts();

  const filterBy = (patch: Parameters<typeof setSearch>[0]) => setSearch({ ...patch, page: null });
  const refresh = () => {
    void list.refetch();
    counts.forEach((c) => void c.refetch());
  };
  const fineCount = [search.status, search.severity, search.overdue, search.sub, search.ent].filter(
    Boolean,
  ).length;

  const titleCell = (h: Hazard) => (
    <div className="sc-stack">
      <Link to={`/hazards/${h.id}`} className="sc-hz-title">
        {h.title}
      </Link>
      {isEnterprise ? null : (
        <Typography.Text type="secondary" className="sc-small">
          {h.enterpriseName}
        </Typography.Text>
      )}
    </div>
  );

  const columns: TableColumnsType<Hazard> = [
    { title: t('hazards.field.title'), key: 'title', render: (_, h) => titleCell(h) },
    {
      title: t('hazards.field.severity'),
      key: 'severity',
      width: 80,
      render: (_, h) => <SeverityTag hazard={h} showGeneral />,
    },
    {
      title: t('hazards.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Hazard['status']) => <HazardStatusTag status={s} />,
    },
    {
      title: t('hazards.field.deadline'),
      key: 'deadline',
      width: 190,
      render: (_, h) => <DeadlineText hazard={h} />,
    },
    {
      title: t('hazards.field.owner'),
      dataIndex: 'ownerName',
      width: 100,
      responsive: ['lg'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('hazards.field.reportedAt'),
      dataIndex: 'reportedAt',
      width: 150,
      responsive: ['xl'],
      render: (v: string) => formatDateTime(v),
    },
  ];

  const filters = (
    <Space wrap className="sc-hz-filters">
      <Select
        allowClear
        placeholder={t('hazards.filter.status')}
        value={search.status}
        options={hazardStatuses.map((s) => ({ value: s, label: t(hazardStatusLabel[s]) }))}
        onChange={(v?: string) => filterBy({ status: v, view: v === 'closed' ? 'all' : search.view })}
        className="sc-filter-select-narrow"
        aria-label={t('hazards.filter.status')}
      />
      <Select
        allowClear
        placeholder={t('hazards.filter.severity')}
        value={search.severity}
        options={[
          { value: 'major', label: t('hazards.severity.major') },
          { value: 'general', label: t('hazards.severity.general') },
        ]}
        onChange={(v?: string) => filterBy({ severity: v })}
        className="sc-filter-select-narrow"
        aria-label={t('hazards.filter.severity')}
      />
      <Checkbox
        checked={search.overdue === '1'}
        onChange={(e) => filterBy({ overdue: e.target.checked ? '1' : null })}
      >
        {t('hazards.filter.overdueOnly')}
      </Checkbox>
      {pickSubdistrict ? (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('hazards.filter.subdistrict')}
          value={search.sub}
          options={(subdistricts.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          loading={subdistricts.isPending}
          onChange={(v?: string) => filterBy({ sub: v })}
          className="sc-filter-select-narrow"
          aria-label={t('hazards.filter.subdistrict')}
        />
      ) : null}
      {pickEnterprise ? (
        <div className="sc-hz-enterprise-filter">
          <EnterpriseSelect
            value={search.ent}
            placeholder={t('hazards.filter.enterprise')}
            onChange={(v) => filterBy({ ent: v })}
          />
        </div>
      ) : null}
      {hasFineFilters(search) ? (
        <Button
          type="link"
          onClick={() => filterBy({ status: null, severity: null, overdue: null, sub: null, ent: null })}
        >
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Space>
  );

  const pagination = {
    current: query.page,
    pageSize: query.pageSize,
    total: list.data?.total ?? 0,
    pageSizeOptions: [...hazardPageSizes],
    showSizeChanger: !compact,
    showTotal: (total: number) => t('hazards.list.total', { total }),
    onChange: (p: number, size: number) =>
      setSearch({
        page: size !== query.pageSize || p === 1 ? null : p,
        size: size === 20 ? null : size,
      }),
    size: compact ? ('small' as const) : undefined,
  };

  return (
    <Card className="sc-page-card">
      <div className="sc-toolbar">
        <Typography.Title level={4} className="sc-page-title">
          {t('hazards.title')}
        </Typography.Title>
        <Space wrap>
          {compact ? (
            <Badge count={fineCount} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)}>
                {t('hazards.filter.toggle')}
              </Button>
            </Badge>
          ) : null}
          <Button onClick={() => void navigate('/extension-requests')}>{t('extensions.menu')}</Button>
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={refresh} aria-label={t('common.refresh')} />
          </Tooltip>
        </Space>
      </div>
      <div className="sc-hz-views">
        <Segmented<HazardView>
          value={view}
          block={compact}
          onChange={(v) => filterBy({ view: v === 'unresolved' ? null : v })}
          options={hazardViews.map((v) => {
            const n = countOf(v);
            const alarm = (v === 'overdue' || v === 'major') && (n ?? 0) > 0;
            return {
              value: v,
              label: (
                <span className={alarm ? 'sc-hz-view sc-hz-view-alarm' : 'sc-hz-view'}>
                  {t(hazardViewLabel[v])}
                  {n !== undefined ? <span className="sc-hz-count">{n}</span> : null}
                </span>
              ),
            };
          })}
        />
      </div>
      {!compact || filtersOpen ? <div className="sc-hz-filter-row">{filters}</div> : null}
      {list.isError ? (
        <Typography.Text type="danger">{problemMessage(list.error, locale)}</Typography.Text>
      ) : null}
      {compact ? (
        <>
          <List<Hazard>
            loading={list.isFetching}
            dataSource={list.data?.items}
            locale={{ emptyText: t('hazards.list.empty') }}
            renderItem={(h) => (
              <Card
                size="small"
                className={h.overdue ? 'sc-hz-card sc-hz-card-overdue' : 'sc-hz-card'}
                onClick={() => void navigate(`/hazards/${h.id}`)}
              >
                <div className="sc-stack">
                  <Space size={[4, 4]} wrap>
                    <SeverityTag hazard={h} />
                    <HazardStatusTag status={h.status} />
                  </Space>
                  <Link to={`/hazards/${h.id}`} className="sc-hz-title" onClick={(e) => e.stopPropagation()}>
                    {h.title}
                  </Link>
                  {isEnterprise ? null : (
                    <Typography.Text type="secondary" className="sc-small">
                      {h.enterpriseName}
                    </Typography.Text>
                  )}
                  <Space size={[8, 0]} wrap className="sc-small">
                    <span>{t('hazards.field.deadline')}</span>
                    <DeadlineText hazard={h} />
                  </Space>
                  {h.ownerName ? (
                    <Typography.Text type="secondary" className="sc-small">
                      {t('hazards.field.owner')}：{h.ownerName}
                    </Typography.Text>
                  ) : null}
                </div>
              </Card>
            )}
          />
          {(list.data?.total ?? 0) > query.pageSize! ? (
            <Pagination className="sc-hz-pager" simple {...pagination} />
          ) : null}
        </>
      ) : (
        <Table<Hazard>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          rowClassName={(h) => (h.overdue ? 'sc-hz-row-overdue' : '')}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('hazards.list.empty') }}
          pagination={pagination}
        />
      )}
    </Card>
  );
}
