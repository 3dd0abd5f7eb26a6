import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Grid,
  List,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { Link, useNavigate } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import {
  campaignListQuery,
  campaignSearchKeys,
  campaignStatuses,
  campaignStatusKey,
  isOneOf,
  listPageSize,
  scopeTypeKey,
} from './enforcement-logic';
import { useCampaigns } from './queries';
import { CampaignStatusTag, OriginTag } from './Tags';
import type { Campaign } from './types';
import './enforcement.css';

/** "已发 120 / 300 · 回复 80 · 逾期 3" once approved; nothing before. */
function CountsText({ c }: { c: Campaign }) {
  const { t } = useI18n();
  if (c.status === 'proposed' || c.status === 'rejected') return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      <span className="sc-small sc-enf-nowrap">
        {t('advice.list.sent', { sent: c.sentCount, total: c.targetCount })}
      </span>
      <span className="sc-small sc-enf-nowrap">
        {t('advice.list.replied', { n: c.repliedCount })}
        {c.overdueCount > 0 ? (
          <Typography.Text type="danger" className="sc-small">
            {' · '}
            {t('advice.list.overdue', { n: c.overdueCount })}
          </Typography.Text>
        ) : null}
      </span>
    </Space>
  );
}

function ScopeText({ c }: { c: Campaign }) {
  const { t } = useI18n();
  return (
    <span>
      <Typography.Text type="secondary" className="sc-small">
        {t(scopeTypeKey(c.scopeType))}
      </Typography.Text>{' '}
      {c.scopeLabel}
    </span>
  );
}

/**
 * 合规建议批次 `/advice/campaigns`: campaigns proposed by the frequency check or by departments, awaiting the bureau's
 * approval, being sent, sent and closed; status filter in the URL; 提议批量发送 for those who may propose.
 */
export default function CampaignsPage() {
  const { t, locale } = useI18n();
  const access = useAccess();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(campaignSearchKeys);
  const list = useCampaigns(campaignListQuery(search));
  const items = list.data?.items ?? [];
  const page = pageParam(search.page, 1);
  const status = isOneOf(campaignStatuses, search.status) ? search.status : undefined;

  const columns: TableColumnsType<Campaign> = [
    {
      title: t('advice.field.violationType'),
      key: 'type',
      render: (_, c) => (
        <Link to={`/advice/campaigns/${c.id}`} className="sc-enf-wrap-cell">
          {c.violationTypeName}
        </Link>
      ),
    },
    { title: t('advice.field.scope'), key: 'scope', render: (_, c) => <ScopeText c={c} /> },
    { title: t('advice.field.origin'), key: 'origin', render: (_, c) => <OriginTag origin={c.origin} /> },
    {
      title: t('advice.field.status'),
      key: 'status',
      render: (_, c) => <CampaignStatusTag status={c.status} />,
    },
    { title: t('advice.field.department'), dataIndex: 'departmentName', key: 'dep' },
    { title: t('advice.field.progress'), key: 'counts', render: (_, c) => <CountsText c={c} /> },
    {
      title: t('advice.field.replyBy'),
      key: 'by',
      className: 'sc-enf-nowrap',
      render: (_, c) => c.replyBy ?? '—',
    },
    {
      title: t('advice.field.proposedAt'),
      key: 'at',
      className: 'sc-enf-nowrap',
      render: (_, c) => formatDateTime(c.proposedAt),
    },
  ];

  const pagination = {
    current: page,
    pageSize: listPageSize,
    total: list.data?.total ?? 0,
    onChange: (p: number) => setSearch({ page: p }),
  };

  return (
    <Card
      className="sc-page-card"
      title={t('advice.campaigns.title')}
      extra={
        access.abilities.proposeCampaigns === true ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/advice/campaigns/new')}
            data-testid="campaign-propose"
          >
            {t('advice.propose.button')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('advice.campaigns.intro')}
      </Typography.Paragraph>
      <div className="sc-enf-filters">
        <Select
          allowClear
          value={status}
          placeholder={t('advice.filter.status')}
          aria-label={t('advice.filter.status')}
          className="sc-enf-filter-select"
          options={campaignStatuses.map((s) => ({ value: s, label: t(campaignStatusKey(s)) }))}
          onChange={(s?: string) => setSearch({ status: s, page: null })}
          data-testid="campaigns-status-filter"
        />
      </div>
      {list.isError ? (
        <Alert type="error" showIcon className="sc-enf-alert" title={problemMessage(list.error, locale)} />
      ) : null}
      <div data-testid="campaigns-list">
        {compact ? (
          <List
            loading={list.isPending}
            dataSource={items}
            locale={{ emptyText: t('advice.campaigns.empty') }}
            pagination={{ ...pagination, size: 'small' }}
            renderItem={(c) => (
              <List.Item>
                <Link to={`/advice/campaigns/${c.id}`} className="sc-enf-row">
                  <Space orientation="vertical" size={2}>
                    <Typography.Text strong>{c.violationTypeName}</Typography.Text>
                    <Space wrap size={[8, 2]}>
                      <CampaignStatusTag status={c.status} />
                      <OriginTag origin={c.origin} />
                    </Space>
                    <ScopeText c={c} />
                    {c.status === 'proposed' || c.status === 'rejected' ? null : <CountsText c={c} />}
                    <Typography.Text type="secondary" className="sc-small">
                      {c.departmentName} · {formatDateTime(c.proposedAt)}
                    </Typography.Text>
                  </Space>
                  <RightOutlined />
                </Link>
              </List.Item>
            )}
          />
        ) : (
          <Table<Campaign>
            rowKey="id"
            columns={columns}
            loading={list.isPending}
            dataSource={items}
            locale={{ emptyText: t('advice.campaigns.empty') }}
            pagination={{
              ...pagination,
              showTotal: (total) => t('common.total', { total }),
              showSizeChanger: false,
            }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </div>
    </Card>
  );
}
