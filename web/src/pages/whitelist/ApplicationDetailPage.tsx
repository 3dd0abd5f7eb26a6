import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Grid,
  List,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { formatDateTime } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { EligibilityChecklist } from '../eligibility/EligibilityCard';
import { OpinionModal, ProblemAlert, ReasonModal, SolicitModal, SubmitModal, useApplicationAction } from './ActionModals';
import { useApplication } from './queries';
import type { ApplicationDetail, Opinion } from './types';
import { ApplicationStatusTag, ApplicationSteps, DeadlineText, EstimatedWarning, OpinionStatusTag } from './WhitelistTags';
import { actionKey, detailActions, type ApplicationAction } from './whitelist-logic';
import './whitelist.css';

const noticeStatusKey = (s: string): MessageKey | null =>
  s === 'open' || s === 'ended' || s === 'published' ? `whitelist.noticeStatus.${s}` : null;
const objectionStatusKey = (s: string): MessageKey | null =>
  s === 'open' || s === 'upheld' || s === 'dismissed' ? `whitelist.objectionStatus.${s}` : null;
const entryStatusKey = (s: string): MessageKey | null =>
  s === 'active' || s === 'suspended' || s === 'exited' ? `whitelist.entryStatus.${s}` : null;

function OpinionsCard({ a, compact }: { a: ApplicationDetail; compact: boolean }) {
  const { t } = useI18n();
  const current = a.opinions.filter((o) => o.status !== 'superseded');
  const superseded = a.opinions.length - current.length;
  const columns: TableColumnsType<Opinion> = [
    { title: t('whitelist.field.department'), dataIndex: 'departmentName', key: 'dep' },
    { title: t('whitelist.field.opinionStatus'), key: 'st', render: (_, o) => <OpinionStatusTag status={o.status} /> },
    {
      title: t('whitelist.field.deadline'),
      key: 'dl',
      render: (_, o) => <DeadlineText deadline={o.deadline} estimated={o.deadlineEstimated} showLeft={o.status === 'pending'} />,
    },
    {
      title: t('whitelist.field.opinionReason'),
      key: 'r',
      render: (_, o) => (o.reason ? <span className="sc-wl-text">{o.reason}</span> : '—'),
    },
    { title: t('whitelist.field.answeredAt'), key: 'at', render: (_, o) => formatDateTime(o.answeredAt) },
  ];
  return (
    <Card title={t('whitelist.detail.opinions')} size="small">
      <EstimatedWarning items={current} />
      {compact ? (
        <List
          size="small"
          dataSource={current}
          locale={{ emptyText: t('whitelist.detail.noOpinions') }}
          renderItem={(o) => (
            <List.Item>
              <Space orientation="vertical" size={2} className="sc-full-width">
                <Space wrap size={[8, 2]}>
                  <Typography.Text strong>{o.departmentName}</Typography.Text>
                  <OpinionStatusTag status={o.status} />
                </Space>
                <span className="sc-small">
                  {t('whitelist.list.opinionDeadline')}{' '}
                  <DeadlineText deadline={o.deadline} estimated={o.deadlineEstimated} showLeft={o.status === 'pending'} />
                </span>
                {o.reason ? <Typography.Text className="sc-small sc-wl-text">{o.reason}</Typography.Text> : null}
                {o.answeredAt ? (
                  <Typography.Text type="secondary" className="sc-small">
                    {t('whitelist.detail.answeredLine', { time: formatDateTime(o.answeredAt) })}
                  </Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<Opinion>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={current}
          pagination={false}
          locale={{ emptyText: t('whitelist.detail.noOpinions') }}
        />
      )}
      {superseded > 0 ? (
        <Typography.Paragraph type="secondary" className="sc-small sc-wl-gap">
          {t('whitelist.detail.superseded', { n: superseded })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

function NoticeCard({ notice }: { notice: NonNullable<ApplicationDetail['notice']> }) {
  const { t } = useI18n();
  const statusKey = noticeStatusKey(notice.status);
  return (
    <Card title={t('whitelist.detail.notice')} size="small">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'n', label: t('whitelist.notice.number'), children: <span className="sc-mono">{notice.number}</span> },
          { key: 't', label: t('whitelist.notice.title'), children: notice.title },
          {
            key: 'p',
            label: t('whitelist.notice.period'),
            children: (
              <Space size={4} wrap>
                <span>{notice.startsOn} ~</span>
                <DeadlineText deadline={notice.endsOn} estimated={notice.endsEstimated} showLeft={notice.status === 'open'} />
              </Space>
            ),
          },
          {
            key: 's',
            label: t('whitelist.notice.status'),
            children: statusKey ? t(statusKey) : notice.status,
          },
        ]}
      />
      {notice.endsEstimated ? <EstimatedWarning items={[{ deadline: notice.endsOn, deadlineEstimated: true }]} /> : null}
    </Card>
  );
}

function ObjectionsCard({ objections }: { objections: ApplicationDetail['objections'] }) {
  const { t } = useI18n();
  return (
    <Card title={t('whitelist.detail.objections', { n: objections.length })} size="small">
      <List
        size="small"
        dataSource={objections}
        renderItem={(o) => {
          const key = objectionStatusKey(o.status);
          return (
            <List.Item>
              <Space orientation="vertical" size={2} className="sc-full-width">
                <Space wrap size={[8, 2]}>
                  <Typography.Text strong>{o.name}</Typography.Text>
                  <Typography.Text type="secondary" className="sc-small">
                    {o.contact}
                  </Typography.Text>
                  <Tag color={o.status === 'open' ? 'gold' : o.status === 'upheld' ? 'red' : 'default'}>
                    {key ? t(key) : o.status}
                  </Tag>
                </Space>
                <span className="sc-wl-text">{o.content}</span>
                {o.evidence ? (
                  <Typography.Text type="secondary" className="sc-small sc-wl-text">
                    {t('whitelist.objection.evidence', { text: o.evidence })}
                  </Typography.Text>
                ) : null}
                {o.resolution ? (
                  <Typography.Text className="sc-small sc-wl-text">
                    {t('whitelist.objection.resolution', { text: o.resolution })}
                  </Typography.Text>
                ) : null}
                <Typography.Text type="secondary" className="sc-small">
                  {t('whitelist.objection.filedAt', { time: formatDateTime(o.filedAt) })}
                </Typography.Text>
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

/** 白名单申请详情 `/whitelist/applications/:id`: status and steps, snapshot, opinions, notice, entry, history. */
export default function ApplicationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const application = useApplication(id);
  const [reasonAction, setReasonAction] = useState<'return' | 'reject' | 'withdraw' | null>(null);
  const [open, setOpen] = useState<'submit' | 'solicit' | 'opinion' | null>(null);
  const review = useApplicationAction(id ?? '');

  if (application.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (application.isError) {
    const notFound = isApiProblem(application.error) && application.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('whitelist.detail.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(application.error, locale)}
        extra={<Button onClick={() => void navigate('/whitelist/applications')}>{t('whitelist.detail.back')}</Button>}
      />
    );
  }
  const a = application.data;
  const actions = detailActions(a.actions);

  const onAction = (action: ApplicationAction) => {
    switch (action) {
      case 'return':
      case 'reject':
      case 'withdraw':
        setReasonAction(action);
        return;
      case 'review':
        modal.confirm({
          title: t('whitelist.review.confirm'),
          content: a.enterpriseName,
          okText: t('whitelist.action.review'),
          cancelText: t('common.cancel'),
          onOk: () => review.mutateAsync({ action: 'review' }).catch(() => undefined),
        });
        return;
      default:
        setOpen(action);
    }
  };

  const facts = [
    { key: 'uscc', label: t('whitelist.field.uscc'), children: <span className="sc-mono">{a.uscc}</span> },
    { key: 'sub', label: t('whitelist.field.subdistrict'), children: a.subdistrictName },
    { key: 'ind', label: t('whitelist.field.industry'), children: <span className="sc-mono">{a.industryCode}</span> },
    { key: 'created', label: t('whitelist.field.createdAt'), children: formatDateTime(a.createdAt) },
    { key: 'sub2', label: t('whitelist.field.submittedAt'), children: formatDateTime(a.submittedAt) },
    ...(a.collectedAt
      ? [{ key: 'col', label: t('whitelist.field.collectedAt'), children: formatDateTime(a.collectedAt) }]
      : []),
    ...(a.decidedAt ? [{ key: 'dec', label: t('whitelist.field.decidedAt'), children: formatDateTime(a.decidedAt) }] : []),
  ];

  const history = a.history.map((h, i) => ({
    key: `${h.kind}-${h.at}-${i}`,
    children: (
      <div className="sc-stack">
        <span>{h.label}</span>
        <Typography.Text type="secondary" className="sc-small">
          {formatDateTime(h.at)}
          {h.actorLabel ? ` · ${h.actorLabel}` : ''}
        </Typography.Text>
        {h.note ? <Typography.Text className="sc-small sc-wl-text">{h.note}</Typography.Text> : null}
      </div>
    ),
  }));

  const entryKey = a.entry ? entryStatusKey(a.entry.status) : null;

  return (
    <Space orientation="vertical" size="middle" className="sc-full-width">
      <Card className="sc-page-card">
        <Space orientation="vertical" size={8} className="sc-full-width">
          <Link to="/whitelist/applications">
            <ArrowLeftOutlined /> {t('whitelist.detail.back')}
          </Link>
          <Space size={[8, 4]} wrap>
            <ApplicationStatusTag status={a.status} />
            <Typography.Text type="secondary" className="sc-small">
              {t('whitelist.detail.updatedAt', { time: formatDateTime(a.updatedAt) })}
            </Typography.Text>
          </Space>
          <Typography.Title level={compact ? 5 : 4} className="sc-page-title">
            {a.enterpriseName}
          </Typography.Title>
          <ApplicationSteps application={{ ...a, opinions: { total: a.opinions.length } }} />
          {a.reason && (a.status === 'returned' || a.status === 'rejected' || a.status === 'withdrawn') ? (
            <Alert
              type={a.status === 'rejected' ? 'error' : 'warning'}
              showIcon
              title={t(
                a.status === 'returned'
                  ? 'whitelist.detail.returnReason'
                  : a.status === 'rejected'
                    ? 'whitelist.detail.rejectReason'
                    : 'whitelist.detail.withdrawReason',
                { reason: a.reason },
              )}
            />
          ) : null}
          <ProblemAlert error={review.error} />
          {actions.length > 0 ? (
            <div className="sc-wl-actions">
              {actions.map((action, i) => (
                <Button
                  key={action}
                  type={i === 0 && action !== 'withdraw' && action !== 'return' && action !== 'reject' ? 'primary' : 'default'}
                  danger={action === 'reject' || action === 'withdraw'}
                  loading={action === 'review' && review.isPending}
                  onClick={() => onAction(action)}
                >
                  {t(actionKey(action))}
                </Button>
              ))}
            </div>
          ) : null}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size="middle" className="sc-full-width">
            <Card title={t('whitelist.detail.facts')} size="small">
              <Descriptions size="small" column={compact ? 1 : 2} items={facts} />
            </Card>
            {a.entry ? (
              <Card title={t('whitelist.detail.entry')} size="small">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'n',
                      label: t('whitelist.entry.number'),
                      children: <span className="sc-mono">{a.entry.number}</span>,
                    },
                    {
                      key: 'v',
                      label: t('whitelist.entry.validity'),
                      children: t('whitelist.entry.validRange', { from: a.entry.validFrom, to: a.entry.validTo }),
                    },
                    { key: 's', label: t('whitelist.entry.status'), children: entryKey ? t(entryKey) : a.entry.status },
                  ]}
                />
              </Card>
            ) : null}
            {a.opinions.length > 0 ? <OpinionsCard a={a} compact={compact} /> : null}
            {a.notice ? <NoticeCard notice={a.notice} /> : null}
            {a.objections.length > 0 ? <ObjectionsCard objections={a.objections} /> : null}
            <Card title={t('whitelist.detail.snapshot')} size="small">
              <EligibilityChecklist eligibility={a.eligibility} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('whitelist.detail.history')} size="small">
            {history.length > 0 ? (
              <Timeline items={history} />
            ) : (
              <Typography.Text type="secondary">{t('whitelist.detail.noHistory')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <ReasonModal target={a} action={reasonAction} onClose={() => setReasonAction(null)} />
      <SolicitModal target={a} open={open === 'solicit'} current={a.opinions} onClose={() => setOpen(null)} />
      <OpinionModal target={a} open={open === 'opinion'} onClose={() => setOpen(null)} />
      <SubmitModal application={a} open={open === 'submit'} onClose={() => setOpen(null)} />
    </Space>
  );
}
