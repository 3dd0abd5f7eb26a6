import { RightOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useSubdistricts } from '../registry/queries';
import { createBatch } from './actions';
import { ProblemAlert } from './ActionModals';
import { useApplications, useBatches, useRefreshWhitelist } from './queries';
import type { Application, Batch } from './types';
import { ApplicationStatusTag, DeadlineText } from './WhitelistTags';
import {
  applicationListQuery,
  applicationPageSize,
  applicationSearchKeys,
  applicationStatuses,
  collectable,
  formatStatuses,
  hasFilters,
  isStaleProblem,
  opinionsSummary,
  parseStatuses,
  statusKey,
} from './whitelist-logic';
import './whitelist.css';

function OpinionsCell({ a }: { a: Application }) {
  const { t } = useI18n();
  const s = opinionsSummary(a.opinions);
  if (!s) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Tag color={s.color}>{t(s.key, s.params)}</Tag>;
}

/** 收集并报送区应急管理局: the chosen submitted applications go to the bureau as one batch, with a note. */
function CollectModal({
  applications,
  open,
  onClose,
  onDone,
}: {
  applications: readonly Application[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const refresh = useRefreshWhitelist();
  const save = useMutation({
    mutationFn: (note?: string) =>
      createBatch(
        applications.map((a) => a.id),
        note,
      ),
    onSuccess: () => {
      refresh();
      void message.success(t('whitelist.collect.done', { n: applications.length }));
      onDone();
    },
    onError: (error) => {
      if (isStaleProblem(error)) refresh();
    },
  });
  return (
    <Modal
      open={open}
      title={t('whitelist.collect.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('whitelist.collect.submit')}
      okButtonProps={{ loading: save.isPending }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      afterOpenChange={(o) => (o ? null : save.reset())}
    >
      <Typography.Paragraph type="secondary">{t('whitelist.collect.intro', { n: applications.length })}</Typography.Paragraph>
      <ul className="sc-wl-collect-list">
        {applications.map((a) => (
          <li key={a.id}>
            {a.enterpriseName} <span className="sc-mono sc-small">{a.uscc}</span>
          </li>
        ))}
      </ul>
      <ProblemAlert error={save.error} />
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v.note)}>
        <Form.Item name="note" label={t('whitelist.collect.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('whitelist.collect.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BatchesTab() {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const [page, setPage] = useState(1);
  const batches = useBatches(page);
  const columns: TableColumnsType<Batch> = [
    { title: t('whitelist.batch.createdAt'), key: 'at', render: (_, b) => formatDateTime(b.createdAt) },
    { title: t('whitelist.field.subdistrict'), dataIndex: 'subdistrictName', key: 'sub' },
    {
      title: t('whitelist.batch.count'),
      key: 'n',
      render: (_, b) => <Link to={`/whitelist/applications?batch=${b.id}`}>{t('whitelist.batch.countValue', { n: b.count })}</Link>,
    },
    { title: t('whitelist.batch.createdBy'), key: 'by', render: (_, b) => b.createdByLabel || '—' },
    { title: t('whitelist.batch.note'), key: 'note', render: (_, b) => (b.note ? <span className="sc-wl-text">{b.note}</span> : '—') },
  ];
  const pagination = {
    current: page,
    pageSize: 20,
    total: batches.data?.total ?? 0,
    onChange: setPage,
    size: 'small' as const,
  };
  return (
    <>
      {batches.isError ? <Alert type="error" showIcon title={problemMessage(batches.error, locale)} /> : null}
      {compact ? (
        <List
          loading={batches.isPending}
          dataSource={batches.data?.items ?? []}
          locale={{ emptyText: t('whitelist.batch.empty') }}
          pagination={pagination}
          renderItem={(b) => (
            <List.Item>
              <Space orientation="vertical" size={2} className="sc-full-width">
                <Space wrap size={[8, 2]}>
                  <Typography.Text strong>{formatDateTime(b.createdAt)}</Typography.Text>
                  <Link to={`/whitelist/applications?batch=${b.id}`}>{t('whitelist.batch.countValue', { n: b.count })}</Link>
                </Space>
                <Typography.Text type="secondary" className="sc-small">
                  {b.subdistrictName}
                  {b.createdByLabel ? ` · ${b.createdByLabel}` : ''}
                </Typography.Text>
                {b.note ? <Typography.Text className="sc-small sc-wl-text">{b.note}</Typography.Text> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<Batch>
          rowKey="id"
          size="small"
          columns={columns}
          loading={batches.isPending}
          dataSource={batches.data?.items ?? []}
          locale={{ emptyText: t('whitelist.batch.empty') }}
          pagination={{ ...pagination, showSizeChanger: false }}
        />
      )}
    </>
  );
}

const searchKeys = [...applicationSearchKeys, 'batch'] as const;

/**
 * 白名单申请: the applications the user may see (enterprise: its own; subdistrict: its subdistrict; departments:
 * those they were asked about; bureau: all), filters kept in the URL. A subdistrict officer picks submitted ones
 * and sends them to the bureau as a batch; the batches sent so far are on the second tab.
 */
export default function ApplicationsPage() {
  const { t, locale } = useI18n();
  const access = useAccess();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(searchKeys);
  const [qDraft, setQDraft] = useState(search.q ?? '');
  useEffect(() => setQDraft(search.q ?? ''), [search.q]);
  // from /api/me: subdistrict officers collect; the bureau manages the workflow and sees every subdistrict
  const isSubdistrict = access.abilities.collectApplications === true;
  const isBureau = access.abilities.manageWhitelist === true;
  const jurisdictionWide = isBureau || access.abilities.answerOpinions === true;
  const showBatches = isSubdistrict || isBureau;
  const tab = showBatches && search.tab === 'batches' ? 'batches' : 'applications';

  const query = { ...applicationListQuery(search), ...(search.batch ? { batchId: search.batch } : {}) };
  const list = useApplications(query, tab === 'applications');
  const subdistricts = useSubdistricts();
  const [selected, setSelected] = useState<Application[]>([]);
  const [collecting, setCollecting] = useState(false);
  const items = list.data?.items ?? [];
  const page = pageParam(search.page, 1);
  const filterBy = (patch: Parameters<typeof setSearch>[0]) => {
    setSelected([]);
    setSearch({ ...patch, page: null });
  };
  const statuses = parseStatuses(search.status);
  const canCollect = isSubdistrict && items.some(collectable);

  const columns: TableColumnsType<Application> = [
    {
      title: t('whitelist.field.enterprise'),
      key: 'ent',
      render: (_, a) => <Link to={`/whitelist/applications/${a.id}`}>{a.enterpriseName}</Link>,
    },
    { title: t('whitelist.field.uscc'), key: 'uscc', render: (_, a) => <span className="sc-mono">{a.uscc}</span> },
    { title: t('whitelist.field.subdistrict'), dataIndex: 'subdistrictName', key: 'sub' },
    { title: t('whitelist.field.status'), key: 'st', render: (_, a) => <ApplicationStatusTag status={a.status} /> },
    { title: t('whitelist.field.submittedAt'), key: 'at', render: (_, a) => formatDateTime(a.submittedAt) },
    { title: t('whitelist.field.opinions'), key: 'op', render: (_, a) => <OpinionsCell a={a} /> },
    {
      title: t('whitelist.field.opinionDeadline'),
      key: 'dl',
      render: (_, a) =>
        a.opinionDeadline ? <DeadlineText deadline={a.opinionDeadline} showLeft={a.status === 'opinions'} /> : '—',
    },
  ];

  const pagination = {
    current: page,
    pageSize: applicationPageSize,
    total: list.data?.total ?? 0,
    onChange: (p: number) => {
      setSelected([]);
      setSearch({ page: p });
    },
  };

  const toggle = (a: Application, on: boolean) =>
    setSelected((prev) => (on ? [...prev.filter((x) => x.id !== a.id), a] : prev.filter((x) => x.id !== a.id)));

  const filters = (
    <Space wrap className="sc-wl-filters">
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={statuses}
        placeholder={t('whitelist.filter.status')}
        aria-label={t('whitelist.filter.status')}
        className="sc-wl-filter-status"
        options={applicationStatuses.map((s) => ({ value: s, label: t(statusKey(s)) }))}
        onChange={(v: string[]) => filterBy({ status: formatStatuses(v) })}
      />
      {jurisdictionWide ? (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={search.sub}
          placeholder={t('whitelist.filter.subdistrict')}
          aria-label={t('whitelist.filter.subdistrict')}
          className="sc-wl-filter-sub"
          loading={subdistricts.isPending}
          options={(subdistricts.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v?: string) => filterBy({ sub: v })}
        />
      ) : null}
      <Input.Search
        allowClear
        value={qDraft}
        placeholder={t('whitelist.filter.q')}
        aria-label={t('whitelist.filter.q')}
        className="sc-wl-filter-q"
        onChange={(e) => setQDraft(e.target.value)}
        onSearch={(v) => filterBy({ q: v.trim() })}
      />
      {hasFilters(search) || search.batch ? (
        <Button type="link" onClick={() => filterBy({ status: null, sub: null, q: null, batch: null })}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Space>
  );

  const collectBar = canCollect ? (
    <div className="sc-wl-collect-bar">
      <Typography.Text type="secondary" className="sc-small">
        {t('whitelist.collect.selected', { n: selected.length })}
      </Typography.Text>
      <Button
        type="primary"
        icon={<SendOutlined />}
        disabled={selected.length === 0}
        onClick={() => setCollecting(true)}
      >
        {t('whitelist.collect.button')}
      </Button>
    </div>
  ) : null;

  const applicationsView = (
    <>
      {filters}
      {search.batch ? <Alert type="info" showIcon className="sc-wl-alert" title={t('whitelist.filter.batch')} /> : null}
      {list.isError ? <Alert type="error" showIcon className="sc-wl-alert" title={problemMessage(list.error, locale)} /> : null}
      {collectBar}
      {compact ? (
        <List
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('whitelist.list.empty') }}
          pagination={{ ...pagination, size: 'small' }}
          renderItem={(a) => (
            <List.Item>
              <div className="sc-wl-row">
                {isSubdistrict && collectable(a) ? (
                  <Checkbox
                    checked={selected.some((x) => x.id === a.id)}
                    onChange={(e) => toggle(a, e.target.checked)}
                    aria-label={t('whitelist.collect.pick', { name: a.enterpriseName })}
                  />
                ) : null}
                <Link to={`/whitelist/applications/${a.id}`} className="sc-wl-row-link">
                  <Space orientation="vertical" size={2} className="sc-full-width">
                    <Space wrap size={[8, 2]}>
                      <Typography.Text strong>{a.enterpriseName}</Typography.Text>
                      <ApplicationStatusTag status={a.status} />
                      {a.opinions.total > 0 ? <OpinionsCell a={a} /> : null}
                    </Space>
                    <Typography.Text type="secondary" className="sc-small">
                      <span className="sc-mono">{a.uscc}</span> · {a.subdistrictName}
                    </Typography.Text>
                    <Typography.Text type="secondary" className="sc-small">
                      {t('whitelist.list.submittedAt', { time: formatDateTime(a.submittedAt) })}
                    </Typography.Text>
                    {a.opinionDeadline && a.status === 'opinions' ? (
                      <span className="sc-small">
                        {t('whitelist.list.opinionDeadline')} <DeadlineText deadline={a.opinionDeadline} />
                      </span>
                    ) : null}
                  </Space>
                  <RightOutlined />
                </Link>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<Application>
          rowKey="id"
          columns={columns}
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('whitelist.list.empty') }}
          rowSelection={
            canCollect
              ? {
                  selectedRowKeys: selected.map((a) => a.id),
                  getCheckboxProps: (a) => ({ disabled: !collectable(a) }),
                  onChange: (_, rows) => setSelected(rows.filter(collectable)),
                }
              : undefined
          }
          pagination={{ ...pagination, showTotal: (total) => t('common.total', { total }), showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
        />
      )}
      <CollectModal
        applications={selected}
        open={collecting}
        onClose={() => setCollecting(false)}
        onDone={() => {
          setCollecting(false);
          setSelected([]);
        }}
      />
    </>
  );

  return (
    <Card title={t('whitelist.list.title')}>
      <Typography.Paragraph type="secondary" className="sc-small">
        {isSubdistrict ? t('whitelist.list.introSubdistrict') : t('whitelist.list.intro')}
      </Typography.Paragraph>
      {showBatches ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => setSearch({ tab: k === 'batches' ? 'batches' : null })}
          items={[
            { key: 'applications', label: t('whitelist.list.tabApplications'), children: applicationsView },
            { key: 'batches', label: t('whitelist.list.tabBatches'), children: <BatchesTab /> },
          ]}
        />
      ) : (
        applicationsView
      )}
    </Card>
  );
}
