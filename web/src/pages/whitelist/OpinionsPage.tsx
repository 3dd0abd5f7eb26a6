import { Alert, Button, Card, Grid, List, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { OpinionModal } from './ActionModals';
import { useOpinionInbox } from './queries';
import type { InboxOpinion } from './types';
import { DeadlineText, EstimatedWarning, OpinionStatusTag } from './WhitelistTags';
import './whitelist.css';

const searchKeys = ['tab', 'page'] as const;

/**
 * 征求意见 (department inbox): the applications the bureau asked this department about. Pending ones with the
 * deadline and days left, answered inline (同意 / 有异议) or on the application's page; answered ones below.
 */
export default function OpinionsPage() {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(searchKeys);
  const tab = search.tab === 'answered' ? 'answered' : 'pending';
  const page = pageParam(search.page, 1);
  const inbox = useOpinionInbox(tab, page);
  const [answering, setAnswering] = useState<InboxOpinion | null>(null);
  const items = inbox.data?.items ?? [];
  // the server refuses a late answer (WHITELIST_OPINION_DEADLINE_PASSED) and says so in the modal
  const canAnswer = (o: InboxOpinion) => o.status === 'pending';

  const enterprise = (o: InboxOpinion) => (
    <Space orientation="vertical" size={0}>
      <Link to={`/whitelist/applications/${o.applicationId}`}>{o.enterpriseName}</Link>
      <Typography.Text type="secondary" className="sc-small">
        <span className="sc-mono">{o.uscc}</span> · {o.subdistrictName} · <span className="sc-mono">{o.industryCode}</span>
      </Typography.Text>
    </Space>
  );
  const answerButton = (o: InboxOpinion) =>
    canAnswer(o) ? (
      <Button type="primary" size="small" onClick={() => setAnswering(o)}>
        {t('whitelist.action.opinion')}
      </Button>
    ) : null;

  const columns: TableColumnsType<InboxOpinion> = [
    { title: t('whitelist.field.enterprise'), key: 'ent', render: (_, o) => enterprise(o) },
    { title: t('whitelist.inbox.requestedAt'), key: 'req', render: (_, o) => formatDateTime(o.requestedAt) },
    {
      title: t('whitelist.field.deadline'),
      key: 'dl',
      render: (_, o) => <DeadlineText deadline={o.deadline} estimated={o.deadlineEstimated} showLeft={o.status === 'pending'} />,
    },
    ...(tab === 'answered'
      ? [
          {
            title: t('whitelist.field.opinionStatus'),
            key: 'st',
            render: (_: unknown, o: InboxOpinion) => <OpinionStatusTag status={o.status} />,
          },
          {
            title: t('whitelist.field.opinionReason'),
            key: 'r',
            render: (_: unknown, o: InboxOpinion) => (o.reason ? <span className="sc-wl-text">{o.reason}</span> : '—'),
          },
          {
            title: t('whitelist.field.answeredAt'),
            key: 'at',
            render: (_: unknown, o: InboxOpinion) => formatDateTime(o.answeredAt),
          },
        ]
      : [
          {
            title: t('common.actions'),
            key: 'act',
            render: (_: unknown, o: InboxOpinion) => (
              <Space size={4} wrap>
                {answerButton(o)}
                <Link to={`/whitelist/applications/${o.applicationId}`}>{t('whitelist.inbox.open')}</Link>
              </Space>
            ),
          },
        ]),
  ];

  const pagination = {
    current: page,
    pageSize: 20,
    total: inbox.data?.total ?? 0,
    onChange: (p: number) => setSearch({ page: p }),
  };

  const listView = (
    <>
      {inbox.isError ? <Alert type="error" showIcon className="sc-wl-alert" title={problemMessage(inbox.error, locale)} /> : null}
      {tab === 'pending' ? <EstimatedWarning items={items} /> : null}
      {compact ? (
        <List
          loading={inbox.isPending}
          dataSource={items}
          locale={{ emptyText: tab === 'pending' ? t('whitelist.inbox.emptyPending') : t('whitelist.inbox.emptyAnswered') }}
          pagination={{ ...pagination, size: 'small' }}
          renderItem={(o) => (
            <List.Item>
              <Space orientation="vertical" size={4} className="sc-full-width">
                {enterprise(o)}
                <span className="sc-small">
                  {t('whitelist.list.opinionDeadline')}{' '}
                  <DeadlineText deadline={o.deadline} estimated={o.deadlineEstimated} showLeft={o.status === 'pending'} />
                </span>
                {tab === 'answered' ? (
                  <Space wrap size={[8, 2]}>
                    <OpinionStatusTag status={o.status} />
                    <Typography.Text type="secondary" className="sc-small">
                      {formatDateTime(o.answeredAt)}
                    </Typography.Text>
                  </Space>
                ) : null}
                {o.reason ? <Typography.Text className="sc-small sc-wl-text">{o.reason}</Typography.Text> : null}
                {answerButton(o)}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<InboxOpinion>
          rowKey="id"
          columns={columns}
          loading={inbox.isPending}
          dataSource={items}
          locale={{ emptyText: tab === 'pending' ? t('whitelist.inbox.emptyPending') : t('whitelist.inbox.emptyAnswered') }}
          pagination={{ ...pagination, showTotal: (total) => t('common.total', { total }), showSizeChanger: false }}
        />
      )}
    </>
  );

  return (
    <Card title={t('whitelist.inbox.title')}>
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('whitelist.inbox.intro')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k === 'answered' ? 'answered' : null, page: null })}
        items={[
          { key: 'pending', label: t('whitelist.inbox.pending') },
          { key: 'answered', label: t('whitelist.inbox.answered') },
        ]}
      />
      {listView}
      <OpinionModal
        target={{ id: answering?.applicationId ?? '', enterpriseName: answering?.enterpriseName ?? '' }}
        open={answering !== null}
        onClose={() => setAnswering(null)}
      />
    </Card>
  );
}
