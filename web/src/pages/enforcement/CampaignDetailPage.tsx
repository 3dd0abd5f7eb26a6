import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Grid,
  Input,
  Modal,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { isApiProblem, problemMessage } from '../../api/problem';
import { JobProgress } from '../../components/JobProgress';
import { pageParam, useSearchState } from '../../components/use-search-state';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import {
  campaignActionKey,
  campaignActions,
  campaignWhy,
  isStaleProblem,
  letterListQuery,
  scopeTypeKey,
  sendingPercent,
  type CampaignAction,
} from './enforcement-logic';
import { LetterList } from './LetterList';
import { campaignAction, campaignKey, lettersKey, useCampaign, useRefreshEnforcement } from './queries';
import { CampaignStatusTag, OriginTag, ProblemAlert } from './Tags';
import type { Campaign } from './types';
import './enforcement.css';

/** Run approve / reject / close; the answer (the campaign as it now stands) replaces the one on screen. */
function useCampaignAction(c: Campaign, onDone: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = useRefreshEnforcement();
  return useMutation({
    mutationFn: ({ action, reason }: { action: CampaignAction; reason?: string }) =>
      campaignAction(c.id, action, reason),
    onSuccess: (updated, { action }) => {
      queryClient.setQueryData(campaignKey(c.id), updated);
      refresh();
      void message.success(
        action === 'approve'
          ? t('advice.approve.done', { n: updated.targetCount })
          : action === 'reject'
            ? t('advice.reject.done')
            : t('advice.close.done'),
      );
      onDone();
    },
    onError: (e) => {
      if (isStaleProblem(e)) refresh();
    },
  });
}

/** 批准并发送 / 结束批次: a confirmation that says what happens (the number of enterprises is fixed at approval). */
function ConfirmModal({
  c,
  action,
  onClose,
}: {
  c: Campaign;
  action: 'approve' | 'close' | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const run = useCampaignAction(c, onClose);
  return (
    <Modal
      open={action !== null}
      title={action ? t(campaignActionKey(action)) : ''}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => (open ? null : run.reset())}
      footer={[
        <Button key="c" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={run.isPending}
          onClick={() => action && run.mutate({ action })}
          data-testid={`campaign-${action ?? 'approve'}-confirm`}
        >
          {action ? t(campaignActionKey(action)) : ''}
        </Button>,
      ]}
    >
      {action === 'approve' ? (
        <Space orientation="vertical" size={8}>
          <Typography.Paragraph className="sc-enf-text">
            {t('advice.approve.confirm', { scope: c.scopeLabel, type: c.violationTypeName })}
          </Typography.Paragraph>
          <Alert type="info" showIcon title={t('advice.approve.countAtApproval')} />
        </Space>
      ) : (
        <Typography.Paragraph>{t('advice.close.confirm')}</Typography.Paragraph>
      )}
      <ProblemAlert error={run.error} className="sc-enf-gap" />
    </Modal>
  );
}

/** 不予发送: the bureau says why (required). */
function RejectModal({ c, open, onClose }: { c: Campaign; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const run = useCampaignAction(c, onClose);
  return (
    <Modal
      open={open}
      title={t('advice.reject.title')}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => (o ? null : run.reset())}
      footer={[
        <Button key="c" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          danger
          type="primary"
          loading={run.isPending}
          onClick={() => form.submit()}
          data-testid="campaign-reject-submit"
        >
          {t('advice.action.reject')}
        </Button>,
      ]}
    >
      <ProblemAlert error={run.error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => run.mutate({ action: 'reject', reason: v.reason })}
        data-testid="campaign-reject-form"
      >
        <Form.Item
          name="reason"
          label={t('advice.reject.reason')}
          rules={[{ required: true, whitespace: true, message: t('advice.reject.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount data-testid="campaign-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Sending progress. The background job (GET /api/jobs/:id, shown with JobProgress) is readable by the administrator
 * who approved; everyone else sees the same progress from the campaign's own counts, polled every 2 s.
 */
function SendingProgress({ c }: { c: Campaign }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['jobs', c.jobId],
    queryFn: () => call(api.GET('/api/jobs/{id}', { params: { path: { id: c.jobId! } } })),
    enabled: Boolean(c.jobId),
    retry: false,
  });
  const percent = sendingPercent(c);
  return (
    <div data-testid="campaign-progress">
      {c.jobId && !job.isError ? (
        <JobProgress
          jobId={c.jobId}
          intervalMs={2000}
          onFinished={() => {
            void queryClient.invalidateQueries({ queryKey: campaignKey(c.id) });
            void queryClient.invalidateQueries({ queryKey: lettersKey });
          }}
        />
      ) : (
        <Progress percent={percent ?? 0} status="active" showInfo={percent !== null} />
      )}
      <Typography.Text type="secondary" className="sc-small">
        {t('advice.progress.sending', { sent: c.sentCount, total: c.targetCount })}
      </Typography.Text>
    </div>
  );
}

function Counts({ c }: { c: Campaign }) {
  const { t } = useI18n();
  const decided = c.status !== 'proposed' && c.status !== 'rejected';
  return (
    <Row gutter={[12, 12]} className="sc-enf-counts" data-testid="campaign-counts">
      <Col xs={12} sm={6} lg={12} xl={6}>
        <Statistic title={t('advice.count.targets')} value={decided ? c.targetCount : '—'} />
      </Col>
      <Col xs={12} sm={6} lg={12} xl={6}>
        <Statistic title={t('advice.count.sent')} value={decided ? c.sentCount : '—'} />
      </Col>
      <Col xs={12} sm={6} lg={12} xl={6}>
        <Statistic title={t('advice.count.replied')} value={decided ? c.repliedCount : '—'} />
      </Col>
      <Col xs={12} sm={6} lg={12} xl={6}>
        <Statistic
          title={t('advice.count.overdue')}
          value={decided ? c.overdueCount : '—'}
          styles={{ content: c.overdueCount > 0 ? { color: '#cf1322' } : undefined }}
        />
      </Col>
    </Row>
  );
}

/** The letters of the campaign, a page at a time (page kept in the URL). */
function CampaignLetters({ c }: { c: Campaign }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchState(['page'] as const);
  // new letters arrive while the campaign is being sent: ask again when the count moves
  const seenCount = useRef(c.sentCount);
  useEffect(() => {
    if (seenCount.current === c.sentCount) return;
    seenCount.current = c.sentCount;
    void queryClient.invalidateQueries({ queryKey: lettersKey });
  }, [c.sentCount, queryClient]);
  return (
    <Card
      size="small"
      title={t('advice.campaign.letters')}
      extra={<Link to={`/advice/letters?campaign=${c.id}`}>{t('advice.campaign.allLetters')}</Link>}
      data-testid="campaign-letters"
    >
      <LetterList
        query={letterListQuery({ page: String(pageParam(search.page, 1)) }, { campaignId: c.id })}
        onPage={(p) => setSearch({ page: p })}
        showCampaign={false}
      />
    </Card>
  );
}

/**
 * 合规建议批次详情 `/advice/campaigns/:id` (notifications link here): why it was proposed, the scope, the items, the
 * reply deadline (estimated when that year's holidays are not entered), sending progress, replies and overdue
 * letters; 批准并发送 / 不予发送 / 结束批次 for the bureau; the campaign's letters.
 */
export default function CampaignDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const campaign = useCampaign(id);
  const [confirming, setConfirming] = useState<'approve' | 'close' | null>(null);
  const [rejecting, setRejecting] = useState(false);

  if (campaign.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (campaign.isError) {
    const notFound = isApiProblem(campaign.error) && campaign.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('advice.campaign.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(campaign.error, locale)}
        extra={
          <Button onClick={() => void navigate('/advice/campaigns')}>{t('advice.campaign.back')}</Button>
        }
      />
    );
  }
  const c = campaign.data;
  const actions = campaignActions(c.abilities);
  const why = campaignWhy(c);
  const icons: Record<CampaignAction, ReactNode> = {
    approve: <CheckOutlined />,
    reject: <CloseOutlined />,
    close: <StopOutlined />,
  };
  const onAction = (a: CampaignAction) => (a === 'reject' ? setRejecting(true) : setConfirming(a));

  return (
    <Space orientation="vertical" size="middle" className="sc-full-width" data-testid="campaign-detail">
      <Card className="sc-page-card">
        <Space orientation="vertical" size={8} className="sc-full-width">
          <Link to="/advice/campaigns">
            <ArrowLeftOutlined /> {t('advice.campaign.back')}
          </Link>
          <Space wrap size={[8, 4]}>
            <CampaignStatusTag status={c.status} />
            <OriginTag origin={c.origin} />
            <Typography.Text type="secondary" className="sc-small">
              {t('advice.campaign.proposedLine', {
                time: formatDateTime(c.proposedAt),
                department: c.departmentName,
              })}
            </Typography.Text>
          </Space>
          <Typography.Title level={compact ? 5 : 4} className="sc-page-title">
            {t('advice.campaign.heading', { type: c.violationTypeName, scope: c.scopeLabel })}
          </Typography.Title>
          <Typography.Text>{t(why.key, why.params)}</Typography.Text>
          {c.status === 'rejected' && c.decisionReason ? (
            <Alert
              type="error"
              showIcon
              title={t('advice.campaign.rejectedReason', { reason: c.decisionReason })}
            />
          ) : null}
          {c.replyBy && c.replyByEstimated ? (
            <Alert
              type="warning"
              showIcon
              title={t('advice.campaign.estimated', { date: c.replyBy })}
              data-testid="campaign-reply-by-estimated"
            />
          ) : null}
          {c.status === 'sending' ? <SendingProgress c={c} /> : null}
          {actions.length > 0 ? (
            <div className="sc-enf-actions">
              {actions.map((a) => (
                <Button
                  key={a}
                  type={a === 'approve' ? 'primary' : 'default'}
                  danger={a === 'reject'}
                  icon={icons[a]}
                  onClick={() => onAction(a)}
                  data-testid={`campaign-${a}`}
                >
                  {t(campaignActionKey(a))}
                </Button>
              ))}
            </div>
          ) : null}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" className="sc-full-width">
            <Card size="small" title={t('advice.campaign.reason')}>
              <div className="sc-enf-text" data-testid="campaign-reason">
                {c.reason}
              </div>
            </Card>
            <Card size="small" title={t('advice.campaign.items', { n: c.items.length })}>
              <ol className="sc-enf-items" data-testid="campaign-items">
                {c.items.map((item, i) => (
                  <li key={i} className="sc-enf-text">
                    {item.text}
                  </li>
                ))}
              </ol>
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" className="sc-full-width">
            <Card size="small" title={t('advice.campaign.progress')}>
              <Counts c={c} />
              {c.status === 'proposed' ? (
                <Typography.Paragraph type="secondary" className="sc-small sc-enf-gap">
                  {t('advice.campaign.targetsAtApproval')}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <Card size="small" title={t('advice.campaign.facts')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'type',
                    label: t('advice.field.violationType'),
                    children: (
                      <span>
                        {c.violationTypeCode ? <span className="sc-mono">{c.violationTypeCode} </span> : null}
                        {c.violationTypeName}
                      </span>
                    ),
                  },
                  {
                    key: 'scope',
                    label: t('advice.field.scope'),
                    children: `${t(scopeTypeKey(c.scopeType))} · ${c.scopeLabel}`,
                  },
                  { key: 'dep', label: t('advice.field.department'), children: c.departmentName },
                  {
                    key: 'why',
                    label: t('advice.field.trigger'),
                    children:
                      c.triggerCount !== null && c.windowDays !== null
                        ? t('advice.campaign.trigger', { n: c.triggerCount, days: c.windowDays })
                        : t('advice.origin.manual'),
                  },
                  {
                    key: 'by',
                    label: t('advice.field.replyBy'),
                    children: c.replyBy ? (
                      <Space size={4} wrap>
                        <span>{c.replyBy}</span>
                        {c.replyByEstimated ? (
                          <Tag color="warning">{t('advice.campaign.estimatedShort')}</Tag>
                        ) : null}
                      </Space>
                    ) : (
                      <Typography.Text type="secondary">
                        {t('advice.campaign.replyByAtApproval')}
                      </Typography.Text>
                    ),
                  },
                  { key: 'pa', label: t('advice.field.proposedAt'), children: formatDateTime(c.proposedAt) },
                  ...(c.decidedAt
                    ? [
                        {
                          key: 'da',
                          label: t('advice.field.decidedAt'),
                          children: formatDateTime(c.decidedAt),
                        },
                      ]
                    : []),
                  ...(c.finishedAt
                    ? [
                        {
                          key: 'fa',
                          label: t('advice.field.finishedAt'),
                          children: formatDateTime(c.finishedAt),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Space>
        </Col>
      </Row>
      {c.status !== 'proposed' && c.status !== 'rejected' ? <CampaignLetters c={c} /> : null}
      <ConfirmModal c={c} action={confirming} onClose={() => setConfirming(null)} />
      <RejectModal c={c} open={rejecting} onClose={() => setRejecting(false)} />
    </Space>
  );
}
