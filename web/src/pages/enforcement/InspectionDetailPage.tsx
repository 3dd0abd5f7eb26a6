import { ArrowLeftOutlined, AuditOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Grid,
  Input,
  Modal,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { harmKey, isStaleProblem, outcomeColor, outcomeKey } from './enforcement-logic';
import { LeniencyDrawer } from './LeniencyDrawer';
import type { RecordedState } from './NewInspectionPage';
import { rectifyViolation, useInspection, useRefreshEnforcement } from './queries';
import { LetterStatusTag, PdfButton, ProblemAlert, ViolationStatusTag } from './Tags';
import type { InspectionDetail, Violation } from './types';
import './enforcement.css';

/** 确认整改: the officer confirms, after a re-inspection, that a violation was rectified (with an optional note). */
function RectifyModal({ violation, onClose }: { violation: Violation | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshEnforcement();
  const [form] = Form.useForm<{ note?: string }>();
  const run = useMutation({
    mutationFn: (note: string) => rectifyViolation(violation!.id, note.trim()),
    onSuccess: () => {
      refresh();
      void message.success(t('enforcement.rectify.done'));
      onClose();
    },
    onError: (e) => {
      if (isStaleProblem(e)) refresh();
    },
  });
  return (
    <Modal
      open={violation !== null}
      title={violation ? t('enforcement.rectify.title', { type: violation.typeName }) : ''}
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
          onClick={() => form.submit()}
          data-testid="rectify-submit"
        >
          {t('enforcement.rectify.submit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('enforcement.rectify.hint')}
      </Typography.Paragraph>
      <ProblemAlert error={run.error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => run.mutate(v.note ?? '')}
        data-testid="rectify-form"
      >
        <Form.Item name="note" label={t('enforcement.rectify.note')}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="rectify-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Whether the penalty is decided (and how), or still to decide for the inspecting department. */
function DecisionTag({ v, index }: { v: Violation; index: number }) {
  const { t } = useI18n();
  if (v.decision)
    return (
      <Tag color={outcomeColor[v.decision.outcome]} data-testid={`violation-decision-${index}`}>
        {t('enforcement.leniency.decided', { outcome: t(outcomeKey(v.decision.outcome)) })}
      </Tag>
    );
  if (v.abilities.decide)
    return (
      <Tag color="gold" data-testid={`violation-decision-${index}`}>
        {t('enforcement.leniency.pending')}
      </Tag>
    );
  return null;
}

function ViolationCard({
  v,
  index,
  onRectify,
  onLeniency,
}: {
  v: Violation;
  index: number;
  onRectify: (v: Violation) => void;
  onLeniency: (v: Violation) => void;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      className="sc-enf-violation"
      data-testid={`violation-${index}`}
      title={
        <Space wrap size={[8, 2]}>
          <span>
            {v.typeCode ? <span className="sc-mono">{v.typeCode} </span> : null}
            {v.typeName}
          </span>
          <ViolationStatusTag status={v.status} />
          <DecisionTag v={v} index={index} />
        </Space>
      }
    >
      <Space orientation="vertical" size={6} className="sc-full-width">
        <div className="sc-enf-text">{v.description}</div>
        <Typography.Text type="secondary" className="sc-small">
          {t('enforcement.detail.harm', { harm: t(harmKey(v.harm)) })}
        </Typography.Text>
        {v.rectifiedAt ? (
          <Typography.Text type="secondary" className="sc-small">
            {t('enforcement.detail.rectifiedAt', { time: formatDateTime(v.rectifiedAt) })}
          </Typography.Text>
        ) : null}
        {v.letterId ? (
          <Space wrap size={[8, 2]}>
            <Typography.Text type="secondary" className="sc-small">
              {t('enforcement.detail.letter')}
            </Typography.Text>
            <Link to={`/advice/letters/${v.letterId}`} data-testid={`violation-letter-${index}`}>
              <span className="sc-mono">{v.letterNumber ?? t('enforcement.detail.letterOpen')}</span>
            </Link>
            {v.letterStatus ? <LetterStatusTag status={v.letterStatus} /> : null}
          </Space>
        ) : null}
        <div className="sc-enf-actions">
          {v.abilities.rectify ? (
            <Button
              icon={<CheckOutlined />}
              onClick={() => onRectify(v)}
              data-testid={`violation-rectify-${index}`}
            >
              {t('enforcement.rectify.button')}
            </Button>
          ) : null}
          <Button
            icon={<AuditOutlined />}
            onClick={() => onLeniency(v)}
            data-testid={`violation-leniency-${index}`}
          >
            {t('enforcement.leniency.button')}
          </Button>
        </div>
      </Space>
    </Card>
  );
}

function ProposedNotice({ ids }: { ids: readonly string[] }) {
  const { t } = useI18n();
  const access = useAccess();
  if (ids.length === 0) return null;
  const canView = access.abilities.viewCampaigns === true;
  return (
    <Alert
      type="warning"
      showIcon
      className="sc-enf-alert"
      data-testid="inspection-proposed-notice"
      title={t('enforcement.detail.proposed')}
      description={
        canView ? (
          <Space wrap size={[12, 4]}>
            {ids.map((id, i) => (
              <Link key={id} to={`/advice/campaigns/${id}`} data-testid="inspection-proposed-link">
                {ids.length > 1
                  ? t('enforcement.detail.proposedLinkN', { n: i + 1 })
                  : t('enforcement.detail.proposedLink')}
              </Link>
            ))}
          </Space>
        ) : undefined
      }
    />
  );
}

function Facts({ a }: { a: InspectionDetail }) {
  const { t } = useI18n();
  const access = useAccess();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'ent',
          label: t('enforcement.field.enterprise'),
          children:
            access.abilities.viewRegister === true ? (
              <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link>
            ) : (
              a.enterpriseName
            ),
        },
        { key: 'on', label: t('enforcement.field.inspectedOn'), children: a.inspectedOn },
        { key: 'dep', label: t('enforcement.field.department'), children: a.departmentName },
        { key: 'sub', label: t('enforcement.field.subdistrict'), children: a.subdistrictName },
        { key: 'by', label: t('enforcement.field.rectifyBy'), children: a.rectifyBy ?? '—' },
        { key: 'at', label: t('enforcement.field.recordedAt'), children: formatDateTime(a.createdAt) },
        {
          key: 'f',
          label: t('enforcement.field.findings'),
          children: a.findings ? <span className="sc-enf-text">{a.findings}</span> : '—',
        },
      ]}
    />
  );
}

/**
 * 执法检查详情 `/enforcement/inspections/:id`: the facts, the 责令限期整改指令书 (PDF), each violation with its status,
 * harm, penalty decision, its 合规建议书, 确认整改 for the inspecting department and 处罚裁量 (LeniencyDrawer); after a recording that made a violation type frequent,
 * the notice that a campaign was proposed.
 */
export default function InspectionDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const compact = Grid.useBreakpoint().md === false;
  const inspection = useInspection(id);
  const [rectifying, setRectifying] = useState<Violation | null>(null);
  const [weighing, setWeighing] = useState<string | null>(null);
  const proposed = (location.state as RecordedState | null)?.proposedCampaignIds ?? [];

  if (inspection.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (inspection.isError) {
    const notFound = isApiProblem(inspection.error) && inspection.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('enforcement.detail.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(inspection.error, locale)}
        extra={
          <Button onClick={() => void navigate('/enforcement/inspections')}>
            {t('enforcement.detail.back')}
          </Button>
        }
      />
    );
  }
  const a = inspection.data;
  const open = a.violations.filter((v) => v.status === 'open').length;

  return (
    <Space orientation="vertical" size="middle" className="sc-full-width" data-testid="inspection-detail">
      <Card className="sc-page-card">
        <Space orientation="vertical" size={8} className="sc-full-width">
          <Link to="/enforcement/inspections">
            <ArrowLeftOutlined /> {t('enforcement.detail.back')}
          </Link>
          <ProposedNotice ids={proposed} />
          <Typography.Title level={compact ? 5 : 4} className="sc-page-title">
            {a.enterpriseName}
          </Typography.Title>
          <Typography.Text type="secondary" className="sc-small">
            {a.violations.length > 0
              ? t('enforcement.detail.summary', { n: a.violations.length, open })
              : t('enforcement.list.noViolations')}
          </Typography.Text>
          {a.noticeDocumentId ? (
            <div className="sc-enf-actions">
              <PdfButton
                documentId={a.noticeDocumentId}
                label={t('enforcement.detail.noticePdf')}
                testId="inspection-notice-pdf"
                block={compact}
              />
              {a.noticeNumber ? (
                <Typography.Text type="secondary" className="sc-mono sc-enf-nowrap">
                  {a.noticeNumber}
                </Typography.Text>
              ) : null}
            </div>
          ) : null}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('enforcement.detail.facts')}>
            <Facts a={a} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('enforcement.detail.violations', { n: a.violations.length })}>
            {a.violations.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enforcement.list.noViolations')} />
            ) : (
              a.violations.map((v, i) => (
                <ViolationCard
                  key={v.id}
                  v={v}
                  index={i}
                  onRectify={setRectifying}
                  onLeniency={(x) => setWeighing(x.id)}
                />
              ))
            )}
          </Card>
        </Col>
      </Row>
      <RectifyModal violation={rectifying} onClose={() => setRectifying(null)} />
      <LeniencyDrawer
        violation={a.violations.find((v) => v.id === weighing) ?? null}
        onClose={() => setWeighing(null)}
      />
    </Space>
  );
}
