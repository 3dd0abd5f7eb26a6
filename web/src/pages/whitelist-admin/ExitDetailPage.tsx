import { ArrowLeftOutlined, FilePdfOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Grid,
  Input,
  Modal,
  Result,
  Skeleton,
  Space,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { EvidenceList } from './EvidenceList';
import { MeasuresList, ReentryBanLine } from './MeasuresCard';
import { api, call } from '../../api/client';
import { exitKey, useExit, whitelistKey } from './queries';
import { ExitStatusTag } from './Tags';
import type { Exit } from './types';
import { documentPdfUrl, exitReasonKey, exitSourceText, isExitReason } from './whitelist-admin-logic';
import './whitelist-admin.css';

type Decision = 'exit' | 'dismiss';

/** 决定退出 / 不予退出 with a note → `POST /api/whitelist/exits/:id/decide`; the answer replaces the exit shown. */
function DecideModal({
  exit,
  decision,
  onClose,
}: {
  exit: Exit;
  decision: Decision | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (v: { note: string }) =>
      call(
        api.POST('/api/whitelist/exits/{id}/decide', {
          params: { path: { id: exit.id } },
          body: { decision: decision!, note: v.note.trim() },
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (decided) => {
      queryClient.setQueryData(exitKey(exit.id), decided);
      void queryClient.invalidateQueries({ queryKey: whitelistKey });
      void message.success(
        decision === 'exit'
          ? t('whitelistAdmin.exit.decided', { number: decided.decision?.number ?? '' })
          : t('whitelistAdmin.exit.dismissed'),
      );
      onClose();
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, ['note'])),
  });
  const exiting = decision === 'exit';
  return (
    <Modal
      open={decision !== null}
      title={exiting ? t('whitelistAdmin.exit.decide') : t('whitelistAdmin.exit.dismiss')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={exiting ? t('whitelistAdmin.exit.decide') : t('whitelistAdmin.exit.dismiss')}
      okButtonProps={{ loading: decide.isPending, danger: exiting }}
      destroyOnHidden
    >
      <Alert
        type={exiting ? 'warning' : 'info'}
        showIcon
        className="sc-form-alert"
        title={exiting ? t('whitelistAdmin.exit.decideHint') : t('whitelistAdmin.exit.dismissHint')}
      />
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v)} preserve={false}>
        <Form.Item
          name="note"
          label={t('whitelistAdmin.exit.note')}
          rules={[{ required: true, whitespace: true, message: t('whitelistAdmin.exit.noteRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 退出事项 `/whitelist/exits/:id`: the reason, summary, evidence and source; 决定退出 / 不予退出 when the exit's `actions` allow (bureau_admin);
 * once decided, the exit decision document (退出决定书) and the measures with their periods.
 */
export default function ExitDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const exit = useExit(id);
  const [deciding, setDeciding] = useState<Decision | null>(null);

  if (exit.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (exit.isError) {
    const notFound = isApiProblem(exit.error) && exit.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('whitelistAdmin.exit.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(exit.error, locale)}
        extra={
          <Button onClick={() => void navigate('/whitelist/exits')}>{t('whitelistAdmin.exit.back')}</Button>
        }
      />
    );
  }
  const x = exit.data;

  const facts: DescriptionsProps['items'] = [
    {
      key: 'enterprise',
      label: t('whitelistAdmin.field.enterprise'),
      children: <Link to={`/enterprises/${x.enterpriseId}`}>{x.enterpriseName}</Link>,
    },
    {
      key: 'entry',
      label: t('whitelistAdmin.field.entryNumber'),
      children: (
        <Link to={`/whitelist/entries/${x.entryId}`} className="sc-mono">
          {x.entryNumber}
        </Link>
      ),
    },
    {
      key: 'reason',
      label: t('whitelistAdmin.field.reason'),
      span: 'filled',
      children: isExitReason(x.reason) ? t(exitReasonKey(x.reason)) : x.reasonLabel,
    },
    {
      key: 'source',
      label: t('whitelistAdmin.field.source'),
      children: exitSourceText(x.sourceKind, locale, t),
    },
    {
      key: 'proposed',
      label: t('whitelistAdmin.field.proposedAt'),
      children: formatDateTime(x.proposedAt),
    },
    {
      key: 'summary',
      label: t('whitelistAdmin.field.summary'),
      span: 'filled',
      children: <span className="sc-wla-text">{x.summary}</span>,
    },
    {
      key: 'evidence',
      label: t('whitelistAdmin.field.evidence'),
      span: 'filled',
      children: <EvidenceList refs={x.evidence} empty={t('whitelistAdmin.exit.noEvidence')} />,
    },
  ];
  const decisionFacts: DescriptionsProps['items'] = [
    { key: 'at', label: t('whitelistAdmin.exit.decidedAt'), children: formatDateTime(x.decidedAt) },
    ...(x.decision
      ? [
          {
            key: 'doc',
            label: t('whitelistAdmin.exit.decision'),
            children: (
              <Space wrap>
                <a href={documentPdfUrl(x.decision.documentId)} target="_blank" rel="noopener">
                  <FilePdfOutlined /> <span className="sc-mono">{x.decision.number}</span>
                </a>
                <a href={x.decision.verifyUrl} target="_blank" rel="noopener">
                  <LinkOutlined /> {t('whitelistAdmin.notice.verify')}
                </a>
              </Space>
            ),
          },
        ]
      : []),
    {
      key: 'note',
      label: t('whitelistAdmin.exit.note'),
      span: 'filled',
      children: <span className="sc-wla-text">{x.decisionNote ?? '—'}</span>,
    },
  ];

  return (
    <Space orientation="vertical" size={16} className="sc-full-width sc-page">
      <div className="sc-wla-head">
        <div>
          <Link to="/whitelist/exits" className="sc-small">
            <ArrowLeftOutlined /> {t('whitelistAdmin.exit.back')}
          </Link>
          <Typography.Title level={3} className="sc-wla-title">
            {x.enterpriseName}
          </Typography.Title>
          <Space wrap size={4}>
            <ExitStatusTag status={x.status} />
            <Typography.Text type="secondary" className="sc-mono">
              {x.entryNumber}
            </Typography.Text>
          </Space>
        </div>
        {x.actions.includes('decide') ? (
          <div className="sc-wla-actions">
            <Button type="primary" danger onClick={() => setDeciding('exit')}>
              {t('whitelistAdmin.exit.decide')}
            </Button>
            <Button onClick={() => setDeciding('dismiss')}>{t('whitelistAdmin.exit.dismiss')}</Button>
          </div>
        ) : null}
      </div>
      <Card size="small" title={t('whitelistAdmin.exit.facts')}>
        <Descriptions size="small" column={compact ? 1 : 2} items={facts} />
      </Card>
      {x.status !== 'proposed' ? (
        <Card size="small" title={t('whitelistAdmin.exit.decisionTitle')}>
          <Descriptions size="small" column={compact ? 1 : 2} items={decisionFacts} />
        </Card>
      ) : null}
      {x.status === 'decided' ? (
        <Card size="small" title={t('whitelistAdmin.measures.title')}>
          <Space orientation="vertical" size={8} className="sc-full-width">
            <ReentryBanLine measures={x.measures} />
            <MeasuresList measures={x.measures} />
          </Space>
        </Card>
      ) : null}
      <DecideModal exit={x} decision={deciding} onClose={() => setDeciding(null)} />
    </Space>
  );
}
