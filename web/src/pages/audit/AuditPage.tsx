import { SafetyOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Grid,
  Descriptions,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { AuditEvent, AuditQuery, ChainReport } from '../../api/types';
import { useSession } from '../../auth/session';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { entityTypeLabels } from '../../../../domain/labels';
import { entityTypeText, eventKindText } from '../../labels';
import { UserSelect } from '../../components/UserSelect';

// `ent`: everything about one enterprise (its record and every event naming it), reached by URL only for now
const searchKeys = ['actor', 'actorLabel', 'kind', 'etype', 'eid', 'ent', 'from', 'to', 'page', 'size'] as const;

const brokenReasons: Record<string, MessageKey> = {
  hash_mismatch: 'audit.reason.hash_mismatch',
  prev_hash_mismatch: 'audit.reason.prev_hash_mismatch',
  seq_gap: 'audit.reason.seq_gap',
  head_mismatch: 'audit.reason.head_mismatch',
};

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <pre className="sc-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The operation log: the jurisdiction's audit events, filtered by actor, kind, entity and time; chain check. */
export default function AuditPage() {
  const me = useSession();
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchState(searchKeys);
  const compact = Grid.useBreakpoint().md === false;
  const page = pageParam(search.page, 1);
  const pageSize = pageParam(search.size, 20);
  const query: AuditQuery = {
    actorUserId: search.actor,
    kind: search.kind,
    entityType: search.etype,
    entityId: search.eid,
    enterpriseId: search.ent,
    from: search.from,
    to: search.to,
    page,
    pageSize,
  };

  const list = useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: () => call(api.GET('/api/audit/events', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const kinds = useQuery({
    queryKey: ['audit', 'kinds'],
    queryFn: () => call(api.GET('/api/audit/kinds')),
    staleTime: Infinity,
  });
  const verify = useMutation({ mutationFn: () => call(api.POST('/api/audit/verify')) });

  const filterBy = (patch: Parameters<typeof setSearch>[0]) => setSearch({ ...patch, page: null });

  const actor = (e: AuditEvent) =>
    e.actorUserId ? (
      <Button
        type="link"
        size="small"
        className="sc-link-cell"
        onClick={() => filterBy({ actor: e.actorUserId, actorLabel: e.actorLabel })}
      >
        {e.actorLabel}
      </Button>
    ) : (
      <Typography.Text type="secondary">
        {e.actorLabel === 'system' ? t('audit.system') : e.actorLabel}
      </Typography.Text>
    );
  const kind = (e: AuditEvent) => (
    <Tooltip title={e.kind}>
      <Tag className="sc-clickable" onClick={() => filterBy({ kind: e.kind })}>
        {eventKindText(e.kind, locale)}
      </Tag>
    </Tooltip>
  );
  const entity = (e: AuditEvent) => (
    <Space size={4} wrap>
      <Typography.Text>{entityTypeText(e.entityType, locale)}</Typography.Text>
      <Button
        type="link"
        size="small"
        className="sc-link-cell sc-mono"
        onClick={() => filterBy({ etype: e.entityType, eid: e.entityId })}
      >
        {e.entityId.length > 13 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
      </Button>
    </Space>
  );

  // a phone gets one stacked column per event; a desktop the full table
  const columns: TableColumnsType<AuditEvent> = compact
    ? [
        {
          title: t('audit.title'),
          key: 'event',
          render: (_, e) => (
            <div className="sc-stack">
              <Typography.Text type="secondary" className="sc-small">
                {formatDateTime(e.at, true)} · #{e.seq}
              </Typography.Text>
              <Space size={4} wrap>
                {actor(e)}
                {kind(e)}
              </Space>
              {entity(e)}
            </div>
          ),
        },
      ]
    : [
        { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
        { title: t('audit.actor'), key: 'actor', width: 160, render: (_, e) => actor(e) },
        { title: t('audit.kind'), key: 'kind', width: 160, render: (_, e) => kind(e) },
        { title: t('audit.entity'), key: 'entity', render: (_, e) => entity(e) },
        { title: t('audit.seq'), dataIndex: 'seq', width: 80, align: 'right', responsive: ['lg'] },
      ];

  const report: ChainReport | undefined = verify.data;
  const hasFilter = Boolean(
    search.actor || search.kind || search.etype || search.eid || search.ent || search.from || search.to,
  );

  return (
    <Card
      className="sc-page-card"
      title={t('audit.title')}
      extra={
        me.abilities.verifyAudit ? (
          <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            {t('audit.verify')}
          </Button>
        ) : null
      }
    >
      {verify.isError ? (
        <Alert
          type="error"
          showIcon
          closable
          title={problemMessage(verify.error, locale)}
          className="sc-form-alert"
        />
      ) : null}
      {report ? (
        report.ok ? (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => verify.reset() }}
            className="sc-form-alert"
            title={t('audit.verifyOk', { checked: report.checked, seq: report.headSeq })}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => verify.reset() }}
            className="sc-form-alert"
            title={t('audit.verifyBroken', { seq: report.firstBroken?.seq ?? '?' })}
            description={
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'reason',
                    label: t('audit.brokenReason'),
                    children: report.firstBroken
                      ? t(brokenReasons[report.firstBroken.reason] ?? 'audit.reason.unknown')
                      : '—',
                  },
                  {
                    key: 'id',
                    label: t('audit.brokenEvent'),
                    children: report.firstBroken?.id ? (
                      <Typography.Text copyable className="sc-mono">
                        {report.firstBroken.id}
                      </Typography.Text>
                    ) : (
                      '—'
                    ),
                  },
                  { key: 'checked', label: t('audit.checkedBefore'), children: report.checked },
                ]}
              />
            }
          />
        )
      ) : null}

      <div className="sc-toolbar">
        <Space wrap>
          {me.abilities.manageUsers ? (
            <UserSelect
              value={search.actor}
              label={search.actorLabel}
              onChange={(id, label) => filterBy({ actor: id, actorLabel: id ? label : null })}
            />
          ) : search.actor ? (
            <Tag closable onClose={() => filterBy({ actor: null, actorLabel: null })}>
              {t('audit.actor')}：{search.actorLabel ?? search.actor}
            </Tag>
          ) : null}
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filter.kind')}
            value={search.kind}
            loading={kinds.isPending}
            options={(kinds.data ?? []).map((k) => ({ value: k, label: eventKindText(k, locale) }))}
            onChange={(v?: string) => filterBy({ kind: v })}
            className="sc-filter-select"
          />
          <Space.Compact>
            <Select
              allowClear
              placeholder={t('audit.filter.entityType')}
              value={search.etype}
              options={Object.keys(entityTypeLabels).map((v) => ({
                value: v,
                label: entityTypeText(v, locale),
              }))}
              onChange={(v?: string) => filterBy({ etype: v })}
              className="sc-entity-type-select"
            />
            <Input.Search
              allowClear
              placeholder={t('audit.filter.entityId')}
              defaultValue={search.eid}
              key={`eid:${search.eid ?? ''}`}
              onSearch={(v) => filterBy({ eid: v.trim() })}
              className="sc-search"
            />
          </Space.Compact>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={[search.from ? dayjs(search.from) : null, search.to ? dayjs(search.to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              filterBy({ from: range?.[0]?.toISOString() ?? null, to: range?.[1]?.toISOString() ?? null })
            }
            placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
          />
          {hasFilter ? (
            <Button
              onClick={() =>
                filterBy({
                  actor: null,
                  actorLabel: null,
                  kind: null,
                  etype: null,
                  eid: null,
                  ent: null,
                  from: null,
                  to: null,
                })
              }
            >
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Space>
      </div>
      {list.isError ? (
        <Typography.Text type="danger">{problemMessage(list.error, locale)}</Typography.Text>
      ) : null}
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        sticky={{ offsetHeader: 56 }}
        expandable={{
          expandedRowRender: (e) => (
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                {
                  key: 'kind',
                  label: t('audit.kindCode'),
                  children: <span className="sc-mono">{e.kind}</span>,
                },
                {
                  key: 'entity',
                  label: t('audit.entityId'),
                  children: (
                    <Typography.Text copyable className="sc-mono">
                      {e.entityId}
                    </Typography.Text>
                  ),
                },
                { key: 'before', label: t('audit.before'), children: <Json value={e.before} /> },
                { key: 'after', label: t('audit.after'), children: <Json value={e.after} /> },
                {
                  key: 'hash',
                  label: t('audit.hash'),
                  children: <span className="sc-mono sc-break">{e.hash}</span>,
                },
              ]}
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) =>
            setSearch({ page: size !== pageSize ? null : p, size: size === 20 ? null : size }),
        }}
      />
    </Card>
  );
}
