import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
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
  Tag,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { DocumentsTable } from '../documents/DocumentsTable';
import { EligibilityCard } from '../eligibility/EligibilityCard';
import { AdverseRecordsCard } from '../records/AdverseRecordsCard';
import { ApplicabilityCard } from '../standards/ApplicabilityCard';
import { WhitelistStatusCard } from '../whitelist/WhitelistStatusCard';
import { MeasuresCard } from '../whitelist-admin/MeasuresCard';
import { AccountsCard } from './AccountsCard';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { HistoryCard } from './HistoryCard';
import { useEnterprise } from './queries';
import { scaleText, type EnterpriseDetail } from './registry-logic';
import './registry.css';
import { StatusTag } from './StatusTag';

const dash = <Typography.Text type="secondary">—</Typography.Text>;
const orDash = (v: string | number | null | undefined): ReactNode =>
  v === null || v === undefined || v === '' ? dash : v;

/** The detail route `/enterprises/:id`. */
export default function EnterpriseDetailPage() {
  const { id } = useParams<{ id: string }>();
  return <EnterpriseDetailView id={id} />;
}

/**
 * One enterprise: every field, its park, host and tenants (厂中厂), the parks it operates; editing as far as the
 * server allows; its logins, documents and history for those who may see them.
 */
export function EnterpriseDetailView({ id, own = false }: { id: string | undefined; own?: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const access = useAccess();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const wide = screens.xl !== false;
  const enterprise = useEnterprise(id);
  const [editing, setEditing] = useState(false);
  const canBrowse = access.abilities.viewRegister === true;

  if (enterprise.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (enterprise.isError) {
    const notFound = isApiProblem(enterprise.error) && enterprise.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('registry.detail.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(enterprise.error, locale)}
        extra={
          canBrowse ? (
            <Button onClick={() => void navigate('/enterprises')}>{t('registry.detail.back')}</Button>
          ) : null
        }
      />
    );
  }
  const e: EnterpriseDetail = enterprise.data;
  const canEdit = e.abilities.update === true || e.abilities.updateContacts === true;
  const enterpriseLink = (targetId: string, name: string) =>
    canBrowse ? <Link to={`/enterprises/${targetId}`}>{name}</Link> : name;
  const parkLink = (parkId: string, name: string) =>
    canBrowse ? <Link to={`/enterprises?park=${parkId}`}>{name}</Link> : name;

  const basic: DescriptionsProps['items'] = [
    {
      key: 'uscc',
      label: t('registry.col.uscc'),
      children: <span className="sc-mono sc-reg-nowrap">{e.uscc}</span>,
    },
    { key: 'legal', label: t('registry.field.legalRepresentative'), children: e.legalRepresentative },
    {
      key: 'status',
      label: t('registry.field.operatingStatus'),
      children: <StatusTag status={e.operatingStatus} />,
    },
    { key: 'sub', label: t('registry.field.subdistrict'), children: e.subdistrictName },
    {
      key: 'industry',
      label: t('registry.col.industry'),
      children: (
        <span>
          <span className="sc-mono">{e.industryCode}</span> {e.industryName}
        </span>
      ),
    },
    { key: 'scale', label: t('registry.field.scale'), children: scaleText(e.scale, locale) },
    { key: 'employees', label: t('registry.field.employeeCount'), children: orDash(e.employeeCount) },
    {
      key: 'regAddr',
      label: t('registry.field.registeredAddress'),
      children: orDash(e.registeredAddress),
      span: compact ? 1 : 2,
    },
    {
      key: 'opAddr',
      label: t('registry.field.operatingAddress'),
      children: orDash(e.operatingAddress),
      span: compact ? 1 : 2,
    },
    { key: 'created', label: t('registry.field.createdAt'), children: formatDateTime(e.createdAt) },
    { key: 'updated', label: t('registry.field.updatedAt'), children: formatDateTime(e.updatedAt) },
  ];
  const contacts: DescriptionsProps['items'] = [
    { key: 'contactName', label: t('registry.field.contactName'), children: orDash(e.contactName) },
    {
      key: 'contactPhone',
      label: t('registry.field.contactPhone'),
      children: e.contactPhone ? <a href={`tel:${e.contactPhone}`}>{e.contactPhone}</a> : dash,
    },
    {
      key: 'safetyName',
      label: t('registry.field.safetyManagerName'),
      children: orDash(e.safetyManagerName),
    },
    {
      key: 'safetyPhone',
      label: t('registry.field.safetyManagerPhone'),
      children: e.safetyManagerPhone ? (
        <a href={`tel:${e.safetyManagerPhone}`}>{e.safetyManagerPhone}</a>
      ) : (
        dash
      ),
    },
  ];
  const place: DescriptionsProps['items'] = [
    {
      key: 'park',
      label: t('registry.field.park'),
      children: e.parkId && e.parkName ? parkLink(e.parkId, e.parkName) : dash,
    },
    {
      key: 'host',
      label: t('registry.field.hostEnterprise'),
      children:
        e.hostEnterpriseId && e.hostName ? (
          <span>
            {enterpriseLink(e.hostEnterpriseId, e.hostName)}
            {e.hostUscc ? (
              <Typography.Text type="secondary" className="sc-mono">
                {' '}
                {e.hostUscc}
              </Typography.Text>
            ) : null}
          </span>
        ) : (
          dash
        ),
    },
  ];

  // two columns on wide screens; one column elsewhere, the place card right after the contacts
  const identityCard = (
    <Card title={t('registry.section.identity')} size="small">
      <Descriptions
        size="small"
        bordered={!compact}
        column={compact ? 1 : 2}
        items={basic}
        classNames={{ label: locale === 'zh-CN' ? 'sc-reg-nowrap' : undefined }}
      />
    </Card>
  );
  const contactsCard = (
    <Card title={t('registry.section.contacts')} size="small">
      <Descriptions size="small" bordered={!compact} column={compact ? 1 : 2} items={contacts} />
    </Card>
  );
  const documentsCard = access.abilities.viewDocuments ? (
    <Card title={t('registry.detail.documents')} size="small">
      <DocumentsTable
        query={{ holderId: e.id, page: 1, pageSize: 50 }}
        showHolder={false}
        size="small"
        emptyAsText
      />
    </Card>
  ) : null;
  const eligibilityCard = (
    <>
      <EligibilityCard enterpriseId={e.id} />
      <WhitelistStatusCard enterpriseId={e.id} />
    </>
  );
  const recordsCard = access.abilities.viewAdverseRecords ? <AdverseRecordsCard enterpriseId={e.id} /> : null;
  // 管理措施（退出后）: renders only when the enterprise has measures
  const measuresCard = <MeasuresCard enterpriseId={e.id} />;
  const historyCard = access.abilities.viewAudit ? (
    <HistoryCard entityType="enterprise" entityId={e.id} />
  ) : null;
  const placeCard = (
    <Card title={t('registry.section.place')} size="small">
      <Descriptions size="small" column={1} items={place} />
      <Typography.Title level={5} className="sc-reg-card-subtitle">
        {t('registry.detail.tenants')}
      </Typography.Title>
      {e.tenants.length === 0 ? (
        <Typography.Text type="secondary">{t('registry.detail.noTenants')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={e.tenants}
          renderItem={(tenant) => (
            <List.Item>
              <div>
                <div>{enterpriseLink(tenant.id, tenant.name)}</div>
                <Typography.Text type="secondary" className="sc-mono">
                  {tenant.uscc}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
      {e.tenants.length > 0 && canBrowse ? (
        <Link to={`/enterprises?host=${e.id}`} className="sc-small">
          {t('registry.detail.tenantsInList')}
        </Link>
      ) : null}
      {e.operatedParks.length > 0 ? (
        <>
          <Typography.Title level={5} className="sc-reg-card-subtitle">
            {t('registry.detail.operatedParks')}
          </Typography.Title>
          <Space size={[4, 4]} wrap>
            {e.operatedParks.map((p) => (
              <Tag key={p.id} color="geekblue">
                {parkLink(p.id, p.name)}
              </Tag>
            ))}
          </Space>
        </>
      ) : null}
    </Card>
  );
  const sideCards = (
    <>
      {e.abilities.manageAccounts ? <AccountsCard enterprise={e} /> : null}
      {own && !canEdit ? <Alert type="info" showIcon title={t('registry.detail.ownReadOnly')} /> : null}
    </>
  );

  return (
    <div className="sc-page">
      <div className="sc-reg-detail-head">
        <div>
          {canBrowse && !own ? (
            <Link to="/enterprises" className="sc-small">
              <ArrowLeftOutlined /> {t('registry.detail.back')}
            </Link>
          ) : null}
          <Typography.Title level={3} className="sc-reg-detail-title">
            {e.name}
          </Typography.Title>
          <Space size={[4, 4]} wrap className="sc-reg-detail-sub">
            <StatusTag status={e.operatingStatus} />
            <Tag>{e.subdistrictName}</Tag>
            <Tag>{scaleText(e.scale, locale)}</Tag>
            {e.parkName ? <Tag color="geekblue">{e.parkName}</Tag> : null}
            {e.hostName ? <Tag color="purple">{t('registry.list.inHost', { name: e.hostName })}</Tag> : null}
            {e.tenants.length > 0 ? (
              <Tag color="purple">{t('registry.detail.tenantCount', { n: e.tenants.length })}</Tag>
            ) : null}
          </Space>
        </div>
        {canEdit ? (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {e.abilities.update ? t('registry.detail.edit') : t('registry.detail.editContacts')}
          </Button>
        ) : null}
      </div>

      {wide ? (
        <Row gutter={16}>
          <Col span={16}>
            <Space orientation="vertical" size={16} className="sc-full-width">
              {identityCard}
              {contactsCard}
              {recordsCard}
              {measuresCard}
              {documentsCard}
              {historyCard}
            </Space>
          </Col>
          <Col span={8}>
            <Space orientation="vertical" size={16} className="sc-full-width">
              {eligibilityCard}
              {placeCard}
              {sideCards}
            </Space>
          </Col>
        </Row>
      ) : (
        <Space orientation="vertical" size={16} className="sc-full-width">
          {identityCard}
          {eligibilityCard}
          {contactsCard}
          {placeCard}
          {sideCards}
          {recordsCard}
          {measuresCard}
          {documentsCard}
          {historyCard}
        </Space>
      )}
      <ApplicabilityCard enterpriseId={e.id} canEdit={e.abilities.updateContacts === true} />

      <EnterpriseFormDrawer
        mode="edit"
        open={editing}
        enterprise={e}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          void message.success(t('registry.edit.done', { name: saved.name }));
        }}
      />
    </div>
  );
}
