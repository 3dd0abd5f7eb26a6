import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Grid, List, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useExits } from './queries';
import { ExitReasonText } from './Tags';
import type { Exit } from './types';
import { exitSourceText, exitTabKey, exitTabs, statusParam } from './whitelist-admin-logic';
import './whitelist-admin.css';

const searchKeys = ['status', 'page'] as const;
const pageSize = 20;

/** 退出管理 `/whitelist/exits`: exit proposals by status (待决定 / 已退出 / 已驳回), opened by an event or by hand. */
export default function ExitsPage() {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(searchKeys);
  const page = pageParam(search.page, 1);
  const status = statusParam(exitTabs, search.status) ?? 'proposed';
  const list = useExits({ status, page, pageSize });
  const items = list.data?.items ?? [];

  const columns: TableColumnsType<Exit> = [
    {
      title: t('whitelistAdmin.field.enterprise'),
      key: 'enterprise',
      render: (_, x) => <Link to={`/whitelist/exits/${x.id}`}>{x.enterpriseName}</Link>,
    },
    {
      title: t('whitelistAdmin.field.entryNumber'),
      key: 'entry',
      className: 'sc-wla-nowrap',
      render: (_, x) => (
        <Link to={`/whitelist/entries/${x.entryId}`} className="sc-mono">
          {x.entryNumber}
        </Link>
      ),
    },
    {
      title: t('whitelistAdmin.field.reason'),
      key: 'reason',
      render: (_, x) => <ExitReasonText reason={x.reason} label={x.reasonLabel} />,
    },
    {
      title: t('whitelistAdmin.field.source'),
      key: 'source',
      render: (_, x) => exitSourceText(x.sourceKind, locale, t),
    },
    {
      title: t('whitelistAdmin.field.proposedAt'),
      key: 'at',
      render: (_, x) => formatDateTime(x.proposedAt),
    },
    ...(status === 'proposed'
      ? []
      : [
          {
            title: t('whitelistAdmin.exit.decidedAt'),
            key: 'decided',
            render: (_: unknown, x: Exit) => formatDateTime(x.decidedAt),
          },
        ]),
  ];

  return (
    <Card className="sc-page-card" title={t('whitelistAdmin.exits.title')}>
      <Typography.Paragraph type="secondary">{t('whitelistAdmin.exits.intro')}</Typography.Paragraph>
      <Tabs
        className="sc-wla-tabs"
        activeKey={status}
        onChange={(key) => setSearch({ status: key === 'proposed' ? undefined : key, page: undefined })}
        items={exitTabs.map((s) => ({ key: s, label: t(exitTabKey[s]) }))}
      />
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, locale)} /> : null}
      {compact ? (
        <List
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('whitelistAdmin.exits.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: (p) => setSearch({ page: p }),
            size: 'small',
          }}
          renderItem={(x) => (
            <List.Item>
              <Link to={`/whitelist/exits/${x.id}`} className="sc-wla-row">
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong>{x.enterpriseName}</Typography.Text>
                  <Typography.Text type="secondary" className="sc-mono">
                    {x.entryNumber}
                  </Typography.Text>
                  <ExitReasonText reason={x.reason} label={x.reasonLabel} />
                  <Typography.Text type="secondary" className="sc-small">
                    {exitSourceText(x.sourceKind, locale, t)} · {formatDateTime(x.proposedAt)}
                  </Typography.Text>
                </Space>
                <RightOutlined />
              </Link>
            </List.Item>
          )}
        />
      ) : (
        <Table<Exit>
          rowKey="id"
          columns={columns}
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('whitelistAdmin.exits.empty') }}
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
    </Card>
  );
}
