import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Grid, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { chinaToday, isOverdue, listPageSize } from './enforcement-logic';
import { useLetters } from './queries';
import { LetterStatusTag, ReplyByText } from './Tags';
import type { Letter, LetterListQuery } from './types';
import './enforcement.css';

function LateTag({ letter }: { letter: Letter }) {
  const { t } = useI18n();
  return letter.repliedLate ? <Tag color="orange">{t('advice.letter.late')}</Tag> : null;
}

/** One letter as a card (an enterprise's inbox, and every list on a phone): overdue ones marked in red. */
function LetterCard({ letter, showEnterprise }: { letter: Letter; showEnterprise: boolean }) {
  const { t } = useI18n();
  const overdue = isOverdue(letter, chinaToday());
  return (
    <Link to={`/advice/letters/${letter.id}`} className="sc-enf-card-link" data-testid="letter-card">
      <Card size="small" className={overdue ? 'sc-enf-card-overdue' : undefined}>
        <div className="sc-enf-row">
          <Space orientation="vertical" size={2}>
            <Space wrap size={[8, 2]}>
              <LetterStatusTag status={letter.status} />
              <LateTag letter={letter} />
              <Typography.Text className="sc-mono">{letter.number}</Typography.Text>
            </Space>
            {showEnterprise ? <Typography.Text strong>{letter.enterpriseName}</Typography.Text> : null}
            <Typography.Text strong={!showEnterprise}>{letter.violationTypeName}</Typography.Text>
            <Typography.Text type="secondary" className="sc-small">
              {t('advice.letter.from', { department: letter.departmentName })}
            </Typography.Text>
            <span className="sc-small">
              <Typography.Text type={overdue ? 'danger' : 'secondary'} className="sc-small">
                {t('advice.field.replyBy')}
              </Typography.Text>{' '}
              <ReplyByText letter={letter} />
            </span>
          </Space>
          <RightOutlined />
        </div>
      </Card>
    </Link>
  );
}

/**
 * A page of letters: cards for an enterprise (its inbox) and on a phone, a table for staff on a desktop. The query
 * (filters and page) belongs to the caller, which keeps it in the URL.
 */
export function LetterList({
  query,
  onPage,
  inbox = false,
  showCampaign = true,
}: {
  query: LetterListQuery;
  onPage: (page: number) => void;
  /** an enterprise's own letters: cards everywhere, no enterprise column */
  inbox?: boolean;
  /** false on a campaign's page: its letters share the campaign and the violation type, so no such columns */
  showCampaign?: boolean;
}) {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const list = useLetters(query);
  const items = list.data?.items ?? [];
  const today = chinaToday();
  const pagination = {
    current: query.page ?? 1,
    pageSize: query.pageSize ?? listPageSize,
    total: list.data?.total ?? 0,
    onChange: onPage,
  };

  const columns: TableColumnsType<Letter> = [
    {
      title: t('advice.field.number'),
      key: 'n',
      className: 'sc-enf-nowrap',
      render: (_, l) => (
        <Link to={`/advice/letters/${l.id}`} className="sc-mono">
          {l.number}
        </Link>
      ),
    },
    { title: t('advice.field.enterprise'), dataIndex: 'enterpriseName', key: 'ent' },
    { title: t('advice.field.subdistrict'), dataIndex: 'subdistrictName', key: 'sub' },
    ...(showCampaign
      ? [
          {
            title: t('advice.field.violationType'),
            key: 'type',
            render: (_: unknown, l: Letter) => (
              <span className="sc-enf-wrap-cell">{l.violationTypeName}</span>
            ),
          },
        ]
      : []),
    { title: t('advice.field.department'), dataIndex: 'departmentName', key: 'dep' },
    {
      title: t('advice.field.sentAt'),
      key: 'sent',
      className: 'sc-enf-nowrap',
      render: (_, l) => formatDateTime(l.sentAt),
    },
    { title: t('advice.field.replyBy'), key: 'by', render: (_, l) => <ReplyByText letter={l} /> },
    {
      title: t('advice.field.status'),
      key: 'st',
      render: (_, l) => (
        <Space size={4} wrap>
          <LetterStatusTag status={l.status} />
          <LateTag letter={l} />
        </Space>
      ),
    },
    ...(showCampaign
      ? [
          {
            title: t('advice.field.campaign'),
            key: 'c',
            render: (_: unknown, l: Letter) =>
              l.campaignId ? (
                <Link to={`/advice/campaigns/${l.campaignId}`}>{t('advice.letter.campaignLink')}</Link>
              ) : (
                <Typography.Text type="secondary" className="sc-small">
                  {t('advice.letter.fromInspection')}
                </Typography.Text>
              ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="letters-list">
      {list.isError ? (
        <Alert type="error" showIcon className="sc-enf-alert" title={problemMessage(list.error, locale)} />
      ) : null}
      {inbox || compact ? (
        <List
          className="sc-enf-inbox"
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: inbox ? t('advice.inbox.empty') : t('advice.letters.empty') }}
          pagination={{ ...pagination, size: 'small', hideOnSinglePage: true }}
          renderItem={(l) => (
            <List.Item>
              <LetterCard letter={l} showEnterprise={!inbox} />
            </List.Item>
          )}
        />
      ) : (
        <Table<Letter>
          rowKey="id"
          size="small"
          columns={columns}
          loading={list.isPending}
          dataSource={items}
          rowClassName={(l) => (isOverdue(l, today) ? 'sc-enf-row-overdue' : '')}
          locale={{ emptyText: t('advice.letters.empty') }}
          pagination={{
            ...pagination,
            showTotal: (total) => t('common.total', { total }),
            showSizeChanger: false,
          }}
          scroll={{ x: 'max-content' }}
        />
      )}
    </div>
  );
}
