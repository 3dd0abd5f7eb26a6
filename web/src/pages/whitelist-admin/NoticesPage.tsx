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
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import { NewNoticeModal } from './NewNoticeModal';
import { useNotices, usePeriodCalendar } from './queries';
import { NoticeStatusTag, PeriodText, useWhitelistAccess } from './Tags';
import type { Notice } from './types';
import {
  noticeStatuses,
  noticeStatusKey,
  periodWorkingDays,
  periodYears,
  statusParam,
} from './whitelist-admin-logic';
import './whitelist-admin.css';

const searchKeys = ['status', 'page'] as const;
const pageSize = 20;

/** Working days of each notice's period, counted on the national calendar (null until it is loaded). */
function useWorkingDays(items: readonly Notice[]): (n: Notice) => number | null {
  const years = useMemo(() => periodYears(items), [items]);
  const cal = usePeriodCalendar(years);
  return (n) => (cal ? periodWorkingDays(n, cal) : null);
}

function ObjectionsTag({ n }: { n: Notice }) {
  const { t } = useI18n();
  return n.openObjections > 0 ? (
    <Tag color="red">{t('whitelistAdmin.notices.openObjections', { n: n.openObjections })}</Tag>
  ) : (
    <Typography.Text type="secondary" className="sc-small">
      {t('whitelistAdmin.notices.noOpenObjections')}
    </Typography.Text>
  );
}

/** 公示管理 `/whitelist/notices`: the notices, their periods in working days, open objections; 新建公示. */
export default function NoticesPage() {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const { admin } = useWhitelistAccess();
  const [search, setSearch] = useSearchState(searchKeys);
  const page = pageParam(search.page, 1);
  const status = statusParam(noticeStatuses, search.status);
  const list = useNotices({ status, page, pageSize });
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const workingDays = useWorkingDays(items);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Notice> = [
    {
      title: t('whitelistAdmin.field.number'),
      key: 'number',
      className: 'sc-wla-nowrap',
      render: (_, n) => (
        <Link to={`/whitelist/notices/${n.id}`} className="sc-mono">
          {n.number}
        </Link>
      ),
    },
    {
      title: t('whitelistAdmin.field.title'),
      key: 'title',
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/whitelist/notices/${n.id}`}>{n.title}</Link>
          <Typography.Text type="secondary" className="sc-small">
            {t('whitelistAdmin.notices.applications', { n: n.count })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('whitelistAdmin.field.period'),
      key: 'period',
      render: (_, n) => (
        <PeriodText
          startsOn={n.startsOn}
          endsOn={n.endsOn}
          endsEstimated={n.endsEstimated}
          workingDays={workingDays(n)}
        />
      ),
    },
    {
      title: t('whitelistAdmin.field.status'),
      key: 'status',
      render: (_, n) => <NoticeStatusTag status={n.status} />,
    },
    {
      title: t('whitelistAdmin.field.objections'),
      key: 'objections',
      render: (_, n) => <ObjectionsTag n={n} />,
    },
  ];

  return (
    <Card
      className="sc-page-card"
      title={t('whitelistAdmin.notices.title')}
      extra={
        admin ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('whitelistAdmin.create.button')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('whitelistAdmin.notices.intro')}</Typography.Paragraph>
      <div className="sc-toolbar">
        <Select
          allowClear
          value={status}
          placeholder={t('whitelistAdmin.field.status')}
          className="sc-filter-select"
          options={noticeStatuses.map((s) => ({ value: s, label: t(noticeStatusKey(s)) }))}
          onChange={(s?: string) => setSearch({ status: s, page: undefined })}
        />
      </div>
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, locale)} /> : null}
      {compact ? (
        <List
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('whitelistAdmin.notices.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: (p) => setSearch({ page: p }),
            size: 'small',
          }}
          renderItem={(n) => (
            <List.Item>
              <Link to={`/whitelist/notices/${n.id}`} className="sc-wla-row">
                <Space orientation="vertical" size={2}>
                  <Space wrap size={4}>
                    <Typography.Text strong>{n.title}</Typography.Text>
                    <NoticeStatusTag status={n.status} />
                  </Space>
                  <Typography.Text type="secondary" className="sc-mono">
                    {n.number}
                  </Typography.Text>
                  <PeriodText
                    startsOn={n.startsOn}
                    endsOn={n.endsOn}
                    endsEstimated={n.endsEstimated}
                    workingDays={workingDays(n)}
                  />
                  <Space wrap size={4}>
                    <Typography.Text type="secondary" className="sc-small">
                      {t('whitelistAdmin.notices.applications', { n: n.count })}
                    </Typography.Text>
                    <ObjectionsTag n={n} />
                  </Space>
                </Space>
                <RightOutlined />
              </Link>
            </List.Item>
          )}
        />
      ) : (
        <Table<Notice>
          rowKey="id"
          columns={columns}
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('whitelistAdmin.notices.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p) => setSearch({ page: p }),
            showSizeChanger: false,
          }}
        />
      )}
      {admin ? <NewNoticeModal open={creating} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
