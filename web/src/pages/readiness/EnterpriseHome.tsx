import {
  AlertOutlined,
  CheckCircleFilled,
  FileDoneOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Alert, Card, Col, List, Row, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import { formatDateTime } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { EligibilityCard } from '../eligibility/EligibilityCard';
import { WhitelistStatusCard } from '../whitelist/WhitelistStatusCard';
import { OwnEnterprisePicker, useOwnEnterprise } from './own-enterprise';
import { useReadiness, type Readiness } from './queries';
import { commitmentState, commitmentStateMeta, hazardLinks, stepLink, stepText, type HazardCounter } from './readiness-logic';
import './readiness.css';

function InspectionLine({ inspection }: { inspection: Readiness['selfInspection'] }) {
  const { t } = useI18n();
  if (!inspection) return <Typography.Text type="secondary">{t('readiness.inspection.none')}</Typography.Text>;
  const date = formatDateTime(inspection.completedAt ?? inspection.startedAt).slice(0, 10);
  return (
    <div>
      <div>
        {inspection.status === 'completed'
          ? t('readiness.inspection.completed', { date })
          : t('readiness.inspection.inProgress', { date })}
      </div>
      <Typography.Text type="secondary" className="sc-small">
        {t('readiness.inspection.version', { version: inspection.versionNumber })}
      </Typography.Text>
    </div>
  );
}

const counters: { key: HazardCounter; label: MessageKey; alarm?: boolean }[] = [
  { key: 'unresolved', label: 'readiness.hazard.unresolved' },
  { key: 'major', label: 'readiness.hazard.major', alarm: true },
  { key: 'overdue', label: 'readiness.hazard.overdue', alarm: true },
  { key: 'awaitingVerification', label: 'readiness.hazard.awaitingVerification' },
  { key: 'pendingExtensions', label: 'readiness.hazard.pendingExtensions' },
  { key: 'closed', label: 'readiness.hazard.closed' },
];

/** The enterprise user's home: what to do next (from the server's readiness summary) and where things stand. */
export function EnterpriseHome() {
  const { t, locale } = useI18n();
  const own = useOwnEnterprise();
  const readiness = useReadiness(own.id);
  if (!own.id) return null;
  if (readiness.isPending) return <Skeleton active />;
  if (readiness.isError)
    return <Alert type="error" showIcon title={t('common.loadFailed')} description={problemMessage(readiness.error, locale)} />;
  const r = readiness.data;
  const state = commitmentState(r.commitment);
  const stateMeta = commitmentStateMeta[state];

  return (
    <div className="sc-ready">
      <div className="sc-ready-head">
        <Typography.Title level={4} className="sc-ready-name">
          {r.enterpriseName}
        </Typography.Title>
        <OwnEnterprisePicker own={own} />
      </div>
      <Card title={t('readiness.nextSteps')} className="sc-ready-steps" size="small">
        <List
          dataSource={r.nextSteps}
          renderItem={(step) => {
            const text = stepText(step.key);
            const done = step.key === 'readyToApply';
            return (
              <List.Item className={step.urgent ? 'sc-ready-step sc-ready-step-urgent' : 'sc-ready-step'}>
                <Link to={stepLink(step)} className="sc-ready-step-link">
                  <span className="sc-ready-step-icon">
                    {done ? <CheckCircleFilled /> : step.urgent ? <AlertOutlined /> : <RightOutlined />}
                  </span>
                  <span className="sc-ready-step-body">
                    <span className="sc-ready-step-title">
                      {text ? t(text.title) : step.key}
                      {step.urgent ? (
                        <Tag color="red" className="sc-ready-step-tag">
                          {t('readiness.urgent')}
                        </Tag>
                      ) : null}
                    </span>
                    {text ? <span className="sc-ready-step-hint">{t(text.hint)}</span> : null}
                  </span>
                  <RightOutlined className="sc-ready-step-arrow" />
                </Link>
              </List.Item>
            );
          }}
        />
      </Card>
      <EligibilityCard enterpriseId={r.enterpriseId} className="sc-ready-steps" />
      <WhitelistStatusCard enterpriseId={r.enterpriseId} className="sc-ready-steps" />
      <Row gutter={[12, 12]} className="sc-ready-tiles">
        <Col xs={24} sm={12} lg={8}>
          <Link to="/commitment" className="sc-ready-tile-link">
            <Card size="small" hoverable title={<span><FileDoneOutlined /> {t('readiness.tile.commitment')}</span>}>
              <Tag color={stateMeta.color}>{t(stateMeta.key)}</Tag>
              {r.commitment.signedAt ? (
                <Typography.Text type="secondary" className="sc-small">
                  {t('readiness.signedAt', { date: formatDateTime(r.commitment.signedAt).slice(0, 10) })}
                </Typography.Text>
              ) : null}
            </Card>
          </Link>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Link
            to={r.selfInspection ? `/inspections/${r.selfInspection.id}` : '/inspections'}
            className="sc-ready-tile-link"
          >
            <Card size="small" hoverable title={<span><SearchOutlined /> {t('readiness.tile.selfInspection')}</span>}>
              <InspectionLine inspection={r.selfInspection} />
            </Card>
          </Link>
        </Col>
        {r.agencyInspection ? (
          <Col xs={24} sm={12} lg={8}>
            <Link to={`/inspections/${r.agencyInspection.id}`} className="sc-ready-tile-link">
              <Card size="small" hoverable title={<span><SafetyCertificateOutlined /> {t('readiness.tile.agencyInspection')}</span>}>
                <InspectionLine inspection={r.agencyInspection} />
              </Card>
            </Link>
          </Col>
        ) : null}
        <Col xs={24} lg={r.agencyInspection ? 24 : 8}>
          <Card size="small" title={<span><AlertOutlined /> {t('readiness.tile.hazards')}</span>}>
            <div className="sc-ready-counters">
              {counters.map((c) => {
                const n = r.hazards[c.key];
                return (
                  <Link
                    key={c.key}
                    to={hazardLinks[c.key]}
                    className={c.alarm && n > 0 ? 'sc-ready-counter sc-ready-counter-alarm' : 'sc-ready-counter'}
                  >
                    <span className="sc-ready-counter-n">{n}</span>
                    <span className="sc-ready-counter-label">{t(c.label)}</span>
                  </Link>
                );
              })}
            </div>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
