import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Grid,
  Result,
  Row,
  Skeleton,
  Space,
  Timeline,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { formatDateTime } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { EvidenceGallery } from './Evidence';
import { DecideModal, ExtensionCard } from './Extensions';
import { HazardActionModal } from './HazardActionModal';
import { DeadlineText, HazardStatusTag, SeverityTag } from './HazardTags';
import {
  deadlineMoved,
  hazardActions,
  hazardTimeline,
  majorReasonLabel,
  type Extension,
  type HazardAction,
} from './hazards-logic';
import { useHazard } from './queries';
import './hazards.css';

const actionLabel: Record<HazardAction, MessageKey> = {
  submit: 'hazards.action.submit',
  start: 'hazards.action.start',
  verify: 'hazards.action.verify',
  reject: 'hazards.action.reject',
  reopen: 'hazards.action.reopen',
  edit: 'hazards.action.edit',
  requestExtension: 'hazards.action.requestExtension',
};

const dash = <Typography.Text type="secondary">—</Typography.Text>;
const text = (v: string | null | undefined) =>
  v && v.trim() ? <span className="sc-hz-note">{v}</span> : dash;

/** 隐患详情 `/hazards/:id`: facts, timeline, evidence, the actions the server allows, extension requests. */
export default function HazardDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const hazard = useHazard(id);
  const [action, setAction] = useState<HazardAction | null>(null);
  const [deciding, setDeciding] = useState<{ x: Extension; d: 'approve' | 'refuse' } | null>(null);

  if (hazard.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (hazard.isError) {
    const notFound = isApiProblem(hazard.error) && hazard.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('hazards.detail.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(hazard.error, locale)}
        extra={<Button onClick={() => void navigate('/hazards')}>{t('hazards.detail.back')}</Button>}
      />
    );
  }
  const h = hazard.data;
  const actions = hazardActions(h);
  const pending = h.extensions.find((x) => x.status === 'pending');

  const facts: DescriptionsProps['items'] = [
    { key: 'ent', label: t('hazards.field.enterprise'), children: h.enterpriseName },
    {
      key: 'sev',
      label: t('hazards.field.severity'),
      children: (
        <Space size={[4, 0]} wrap>
          <SeverityTag hazard={h} showGeneral />
          {h.severity === 'major' && h.majorReason ? (
            <Typography.Text type="secondary" className="sc-small">
              {majorReasonLabel[h.majorReason] ? t(majorReasonLabel[h.majorReason]) : h.majorReason}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    ...(h.itemCode
      ? [
          {
            key: 'item',
            label: t('hazards.field.itemCode'),
            children: <span className="sc-mono">{h.itemCode}</span>,
          },
        ]
      : []),
    { key: 'rep', label: t('hazards.field.reportedAt'), children: formatDateTime(h.reportedAt) },
    {
      key: 'dl',
      label: t('hazards.field.deadline'),
      children: <DeadlineText hazard={h} showOriginal={false} />,
    },
    {
      key: 'odl',
      label: t('hazards.field.originalDeadline'),
      children: deadlineMoved(h)
        ? h.originalDeadline
        : t('hazards.detail.unchanged', { date: h.originalDeadline }),
    },
    { key: 'owner', label: t('hazards.field.owner'), children: text(h.ownerName) },
    { key: 'desc', label: t('hazards.field.description'), children: text(h.description) },
    { key: 'im', label: t('hazards.field.interimMeasures'), children: text(h.interimMeasures) },
    { key: 'plan', label: t('hazards.field.plan'), children: text(h.plan) },
    ...(h.closureNote
      ? [{ key: 'cn', label: t('hazards.field.closureNote'), children: text(h.closureNote) }]
      : []),
    ...(h.verificationNote
      ? [{ key: 'vn', label: t('hazards.field.verificationNote'), children: text(h.verificationNote) }]
      : []),
  ];

  const timeline = hazardTimeline(h).map((s) => ({
    key: `${s.key}-${s.at ?? 'now'}-${s.label}`,
    color: s.color,
    children: (
      <div className="sc-stack">
        <span>
          {s.key === 'now' ? t('hazards.timeline.now', { status: t(s.label) }) : t(s.label, s.params)}
        </span>
        {s.at ? (
          <Typography.Text type="secondary" className="sc-small">
            {formatDateTime(s.at)}
          </Typography.Text>
        ) : null}
        {s.note ? <Typography.Text className="sc-small sc-hz-note">{s.note}</Typography.Text> : null}
      </div>
    ),
  }));

  const actionBar =
    actions.length > 0 ? (
      <div className="sc-hz-actions">
        {actions.map((a, i) => (
          <Button
            key={a}
            type={i === 0 && a !== 'edit' && a !== 'requestExtension' ? 'primary' : 'default'}
            danger={a === 'reject'}
            onClick={() => setAction(a)}
          >
            {t(actionLabel[a])}
          </Button>
        ))}
      </div>
    ) : null;

  return (
    <Space orientation="vertical" size="middle" className="sc-full-width">
      <Card className="sc-page-card">
        <Space orientation="vertical" size={8} className="sc-full-width">
          <Link to="/hazards">
            <ArrowLeftOutlined /> {t('hazards.detail.back')}
          </Link>
          <Space size={[8, 4]} wrap>
            <HazardStatusTag status={h.status} />
            <SeverityTag hazard={h} />
            {h.overdue ? (
              <Typography.Text type="danger" strong>
                {t('hazards.overdue')}
              </Typography.Text>
            ) : null}
          </Space>
          <Typography.Title level={compact ? 5 : 4} className="sc-page-title">
            {h.title}
          </Typography.Title>
          {h.overdue ? (
            <Alert type="error" showIcon title={t('hazards.detail.overdueAlert', { date: h.deadline })} />
          ) : null}
          {pending ? (
            <Alert
              type="info"
              showIcon
              title={t('hazards.detail.pendingExtension', { date: pending.requestedDeadline })}
            />
          ) : null}
          {actionBar}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size="middle" className="sc-full-width">
            <Card title={t('hazards.detail.facts')} size={compact ? 'small' : undefined}>
              <Descriptions size="small" column={1} items={facts} />
            </Card>
            <Card title={t('hazards.detail.evidence')} size={compact ? 'small' : undefined}>
              <Typography.Text strong>{t('hazards.field.beforeEvidence')}</Typography.Text>
              <div className="sc-hz-gallery-block">
                <EvidenceGallery files={h.beforeEvidence} />
              </div>
              <Typography.Text strong>{t('hazards.field.afterEvidence')}</Typography.Text>
              <div className="sc-hz-gallery-block">
                <EvidenceGallery files={h.afterEvidence} />
              </div>
            </Card>
            <Card
              title={t('extensions.ofHazard', { n: h.extensions.length })}
              size={compact ? 'small' : undefined}
            >
              {h.extensions.length === 0 ? (
                <Typography.Text type="secondary">{t('extensions.none')}</Typography.Text>
              ) : (
                h.extensions.map((x) => (
                  <ExtensionCard
                    key={x.id}
                    extension={x}
                    showHazard={false}
                    onDecide={(ext, d) => setDeciding({ x: ext, d })}
                  />
                ))
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('hazards.detail.timeline')} size={compact ? 'small' : undefined}>
            <Timeline items={timeline} />
          </Card>
        </Col>
      </Row>
      <HazardActionModal hazard={h} action={action} onClose={() => setAction(null)} />
      <DecideModal
        extension={deciding?.x ?? null}
        decision={deciding?.d ?? null}
        onClose={() => setDeciding(null)}
      />
    </Space>
  );
}
