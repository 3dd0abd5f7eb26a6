import { ArrowLeftOutlined, CloudUploadOutlined, FilePdfOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Grid,
  List,
  Result,
  Skeleton,
  Space,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { ObjectionModal } from './ObjectionModal';
import { PublishedEntries } from './PublishedEntries';
import { api, call } from '../../api/client';
import { noticeKey, useNotice, usePeriodCalendar, whitelistKey } from './queries';
import {
  ApplicationStatusTag,
  NoticeStatusTag,
  ObjectionStatusTag,
  PeriodText,
  useWhitelistAccess,
} from './Tags';
import type { Application, NoticeDetail, NoticeObjection } from './types';
import {
  documentPdfUrl,
  openObjectionCount,
  periodWorkingDays,
  periodYears,
  publishBlock,
  publishBlockKey,
} from './whitelist-admin-logic';
import './whitelist-admin.css';

function ObjectionItem({
  o,
  canHandle,
  onHandle,
}: {
  o: NoticeObjection;
  canHandle: boolean;
  onHandle: (o: NoticeObjection) => void;
}) {
  const { t } = useI18n();
  return (
    <List.Item
      className="sc-wla-objection"
      actions={
        canHandle && o.status === 'open'
          ? [
              <Button key="h" type="primary" size="small" onClick={() => onHandle(o)}>
                {t('whitelistAdmin.objection.handle')}
              </Button>,
            ]
          : undefined
      }
    >
      <Space orientation="vertical" size={4} className="sc-full-width">
        <Space wrap size={4}>
          <Typography.Text strong>{o.enterpriseName}</Typography.Text>
          <ObjectionStatusTag status={o.status} />
        </Space>
        <Typography.Text type="secondary" className="sc-small">
          {t('whitelistAdmin.objection.from', { name: o.name, contact: o.contact })} ·{' '}
          {formatDateTime(o.filedAt)}
        </Typography.Text>
        <div className="sc-wla-text">{o.content}</div>
        {o.evidence ? (
          <Typography.Text type="secondary" className="sc-small sc-wla-text">
            {t('whitelistAdmin.objection.evidence')}：{o.evidence}
          </Typography.Text>
        ) : null}
        {o.resolution ? (
          <Typography.Text type="secondary" className="sc-small sc-wla-text">
            {t('whitelistAdmin.objection.resolution')}：{o.resolution}
            {o.handledAt ? ` · ${formatDateTime(o.handledAt)}` : ''}
          </Typography.Text>
        ) : null}
      </Space>
    </List.Item>
  );
}

function PublishButton({ notice }: { notice: NoticeDetail }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const block = publishBlock(notice);
  const publish = useMutation({
    mutationFn: () =>
      call(api.POST('/api/whitelist/notices/{id}/publish', { params: { path: { id: notice.id } } })),
    onSuccess: (published) => {
      queryClient.setQueryData(noticeKey(notice.id), published);
      void queryClient.invalidateQueries({ queryKey: whitelistKey });
      void message.success(t('whitelistAdmin.publish.done', { n: published.entries.length }));
    },
    onError: (e) => void message.error(problemMessage(e, locale)),
  });
  const why = block
    ? t(publishBlockKey[block], { date: notice.endsOn, n: openObjectionCount(notice) })
    : null;
  if (block === 'published') return null;
  return (
    <Space orientation="vertical" size={4}>
      <Tooltip title={why}>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={block !== null}
          loading={publish.isPending}
          onClick={() =>
            modal.confirm({
              title: t('whitelistAdmin.publish.button'),
              content: t('whitelistAdmin.publish.confirm', { n: notice.count }),
              onOk: () => publish.mutateAsync().catch(() => undefined),
            })
          }
        >
          {t('whitelistAdmin.publish.button')}
        </Button>
      </Tooltip>
      {why ? (
        <Typography.Text type="secondary" className="sc-small">
          {why}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** 公示详情 `/whitelist/notices/:id`: the period, the document, the applications, objections to handle, 发布入库. */
export default function NoticeDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const { admin, bureau } = useWhitelistAccess();
  const notice = useNotice(id);
  const years = useMemo(() => (notice.data ? periodYears([notice.data]) : []), [notice.data]);
  const cal = usePeriodCalendar(years);
  const [handling, setHandling] = useState<NoticeObjection | null>(null);

  if (notice.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (notice.isError) {
    const notFound = isApiProblem(notice.error) && notice.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('whitelistAdmin.notice.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(notice.error, locale)}
        extra={
          <Button onClick={() => void navigate('/whitelist/notices')}>
            {t('whitelistAdmin.notice.back')}
          </Button>
        }
      />
    );
  }
  const n = notice.data;
  const open = openObjectionCount(n);

  const applicationColumns: TableColumnsType<Application> = [
    {
      title: t('whitelistAdmin.field.enterprise'),
      key: 'enterprise',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link>
          <Typography.Text type="secondary" className="sc-mono">
            {a.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('whitelistAdmin.field.subdistrict'),
      dataIndex: 'subdistrictName',
      key: 'subdistrict',
      responsive: ['sm'],
    },
    {
      title: t('whitelistAdmin.field.status'),
      key: 'status',
      render: (_, a) => <ApplicationStatusTag status={a.status} />,
    },
  ];

  return (
    <Space orientation="vertical" size={16} className="sc-full-width sc-page">
      <div className="sc-wla-head">
        <div>
          <Link to="/whitelist/notices" className="sc-small">
            <ArrowLeftOutlined /> {t('whitelistAdmin.notice.back')}
          </Link>
          <Typography.Title level={3} className="sc-wla-title">
            {n.title}
          </Typography.Title>
          <Space wrap size={4}>
            <NoticeStatusTag status={n.status} />
            <Typography.Text type="secondary" className="sc-mono">
              {n.number}
            </Typography.Text>
          </Space>
        </div>
        {admin ? <PublishButton notice={n} /> : null}
      </div>

      <Card size="small">
        <Descriptions
          size="small"
          column={compact ? 1 : 2}
          items={[
            {
              key: 'period',
              label: t('whitelistAdmin.field.period'),
              children: (
                <PeriodText
                  startsOn={n.startsOn}
                  endsOn={n.endsOn}
                  endsEstimated={n.endsEstimated}
                  workingDays={cal ? periodWorkingDays(n, cal) : null}
                />
              ),
            },
            { key: 'count', label: t('whitelistAdmin.field.count'), children: n.count },
            {
              key: 'objections',
              label: t('whitelistAdmin.field.objections'),
              children:
                open > 0
                  ? t('whitelistAdmin.notices.openObjections', { n: open })
                  : t('whitelistAdmin.notices.noOpenObjections'),
            },
            {
              key: 'doc',
              label: t('whitelistAdmin.notice.document'),
              children: (
                <Space wrap>
                  {n.documentId ? (
                    <a href={documentPdfUrl(n.documentId)} target="_blank" rel="noopener">
                      <FilePdfOutlined /> {t('whitelistAdmin.notice.pdf')}
                    </a>
                  ) : (
                    '—'
                  )}
                  {n.verifyUrl ? (
                    <a href={n.verifyUrl} target="_blank" rel="noopener">
                      <LinkOutlined /> {t('whitelistAdmin.notice.verify')}
                    </a>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
        {n.endsEstimated ? (
          <Alert
            type="warning"
            showIcon
            className="sc-form-alert"
            style={{ marginTop: 12, marginBottom: 0 }}
            title={t('whitelistAdmin.notices.estimatedHint', { year: n.endsOn.slice(0, 4) })}
            action={
              <Link to="/calendar">
                <Button size="small">{t('whitelistAdmin.notice.toCalendar')}</Button>
              </Link>
            }
          />
        ) : null}
      </Card>

      {n.status === 'published' ? <PublishedEntries entries={n.entries} /> : null}

      <Card size="small" title={t('whitelistAdmin.notice.applications', { n: n.applications.length })}>
        <Table<Application>
          rowKey="id"
          size="small"
          columns={applicationColumns}
          dataSource={n.applications}
          pagination={false}
        />
      </Card>

      <Card size="small" title={t('whitelistAdmin.notice.objections', { n: n.objections.length })}>
        {n.objections.length === 0 ? (
          <Typography.Text type="secondary">{t('whitelistAdmin.notice.noObjections')}</Typography.Text>
        ) : (
          <List
            dataSource={n.objections}
            renderItem={(o) => <ObjectionItem o={o} canHandle={bureau} onHandle={setHandling} />}
          />
        )}
      </Card>
      <ObjectionModal objection={handling} onClose={() => setHandling(null)} />
    </Space>
  );
}
