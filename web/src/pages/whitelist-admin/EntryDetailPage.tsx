import { ArrowLeftOutlined, FilePdfOutlined, LinkOutlined } from '@ant-design/icons';
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
  Table,
  Typography,
  type DescriptionsProps,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { formatDateTime } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { EntryActionModal } from './EntryActionModals';
import { MeasuresList, ReentryBanLine } from './MeasuresCard';
import { useEntry } from './queries';
import { ReviewsCard } from './ReviewsCard';
import { EntryStatusTag, ExitReasonText, ExitStatusTag, useWhitelistAccess, ValidityText } from './Tags';
import type { Exit } from './types';
import { documentPdfUrl, entryActions, exitSourceText, type EntryAction } from './whitelist-admin-logic';
import './whitelist-admin.css';

const actionLabel: Record<EntryAction, MessageKey> = {
  propose_exit: 'whitelistAdmin.action.propose_exit',
  suspend: 'whitelistAdmin.action.suspend',
  reinstate: 'whitelistAdmin.action.reinstate',
  withdraw: 'whitelistAdmin.action.withdraw',
};

/**
 * 白名单记录 `/whitelist/entries/:id`: the entry (number, validity, plaque), the actions the server allows
 * (suspend, reinstate, propose an exit; the enterprise's own withdrawal), annual reviews, exits and measures.
 */
export default function EntryDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const wide = screens.xl === true;
  const { bureau } = useWhitelistAccess();
  const entry = useEntry(id);
  const [action, setAction] = useState<EntryAction | null>(null);
  const back = bureau ? '/whitelist/entries' : '/';

  if (entry.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (entry.isError) {
    const notFound = isApiProblem(entry.error) && entry.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('whitelistAdmin.entry.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(entry.error, locale)}
        extra={<Button onClick={() => void navigate(back)}>{t('whitelistAdmin.entry.back')}</Button>}
      />
    );
  }
  const e = entry.data;
  const actions = entryActions(e.actions);

  const facts: DescriptionsProps['items'] = [
    {
      key: 'enterprise',
      label: t('whitelistAdmin.field.enterprise'),
      children: <Link to={`/enterprises/${e.enterpriseId}`}>{e.enterpriseName}</Link>,
    },
    {
      key: 'uscc',
      label: t('whitelistAdmin.field.uscc'),
      children: <span className="sc-mono">{e.uscc}</span>,
    },
    { key: 'sub', label: t('whitelistAdmin.field.subdistrict'), children: e.subdistrictName },
    {
      key: 'validity',
      label: t('whitelistAdmin.field.validity'),
      children: <ValidityText validFrom={e.validFrom} validTo={e.validTo} status={e.status} />,
    },
    {
      key: 'published',
      label: t('whitelistAdmin.entry.publishedAt'),
      children: formatDateTime(e.publishedAt),
    },
    {
      key: 'plaque',
      label: t('whitelistAdmin.entry.plaque'),
      children: e.plaque ? (
        <Space wrap>
          <a href={documentPdfUrl(e.plaque.documentId)} target="_blank" rel="noopener">
            <FilePdfOutlined /> <span className="sc-mono">{e.plaque.number}</span>
          </a>
          <a href={e.plaque.verifyUrl} target="_blank" rel="noopener">
            <LinkOutlined /> {t('whitelistAdmin.entry.plaqueVerify')}
          </a>
        </Space>
      ) : (
        '—'
      ),
    },
    ...(e.status === 'suspended' && e.suspendedReason
      ? [
          {
            key: 'suspended',
            label: t('whitelistAdmin.entry.suspendedReason'),
            span: 'filled' as const,
            children: <span className="sc-wla-text">{e.suspendedReason}</span>,
          },
        ]
      : []),
    ...(e.exitedOn
      ? [
          {
            key: 'exited',
            label: t('whitelistAdmin.entry.exitedOn'),
            span: 'filled' as const,
            children: e.exitedOn,
          },
        ]
      : []),
  ];

  const exitColumns: TableColumnsType<Exit> = [
    {
      title: t('whitelistAdmin.field.reason'),
      key: 'reason',
      render: (_, x) => <ExitReasonText reason={x.reason} label={x.reasonLabel} />,
    },
    {
      title: t('whitelistAdmin.field.status'),
      key: 'status',
      render: (_, x) => <ExitStatusTag status={x.status} />,
    },
    {
      title: t('whitelistAdmin.field.source'),
      key: 'source',
      responsive: ['md'],
      render: (_, x) => exitSourceText(x.sourceKind, locale, t),
    },
    {
      title: t('whitelistAdmin.field.proposedAt'),
      key: 'at',
      responsive: ['sm'],
      render: (_, x) => formatDateTime(x.proposedAt),
    },
    {
      title: t('whitelistAdmin.exit.decision'),
      key: 'decision',
      render: (_, x) =>
        x.decision ? (
          <a href={documentPdfUrl(x.decision.documentId)} target="_blank" rel="noopener" className="sc-mono">
            {x.decision.number}
          </a>
        ) : bureau ? (
          <Link to={`/whitelist/exits/${x.id}`}>{t('whitelistAdmin.open')}</Link>
        ) : (
          '—'
        ),
    },
  ];

  const main = (
    <Space orientation="vertical" size={16} className="sc-full-width">
      <Card size="small">
        <Descriptions size="small" column={compact ? 1 : 2} items={facts} />
      </Card>
      <ReviewsCard reviews={e.reviews} />
      <Card size="small" title={t('whitelistAdmin.entry.exits')}>
        {e.exits.length === 0 ? (
          <Typography.Text type="secondary">{t('whitelistAdmin.entry.noExits')}</Typography.Text>
        ) : (
          <Table<Exit>
            rowKey="id"
            size="small"
            columns={exitColumns}
            dataSource={e.exits}
            pagination={false}
            expandable={{
              expandedRowRender: (x) => <div className="sc-wla-text">{x.summary}</div>,
            }}
          />
        )}
      </Card>
    </Space>
  );
  const measures = (
    <Card size="small" title={t('whitelistAdmin.measures.title')}>
      <Space orientation="vertical" size={8} className="sc-full-width">
        <ReentryBanLine measures={e.measures} />
        <MeasuresList measures={e.measures} />
      </Space>
    </Card>
  );

  return (
    <Space orientation="vertical" size={16} className="sc-full-width sc-page">
      <div className="sc-wla-head">
        <div>
          <Link to={back} className="sc-small">
            <ArrowLeftOutlined /> {t('whitelistAdmin.entry.back')}
          </Link>
          <Typography.Title level={3} className="sc-wla-title">
            {e.enterpriseName}
          </Typography.Title>
          <Space wrap size={4}>
            <EntryStatusTag status={e.status} />
            <Typography.Text type="secondary" className="sc-mono">
              {e.number}
            </Typography.Text>
          </Space>
        </div>
        {actions.length > 0 ? (
          <div className="sc-wla-actions">
            {actions.map((a) => (
              <Button
                key={a}
                type={a === 'propose_exit' || a === 'reinstate' ? 'primary' : 'default'}
                danger={a === 'suspend' || a === 'withdraw'}
                onClick={() => setAction(a)}
              >
                {t(actionLabel[a])}
              </Button>
            ))}
          </div>
        ) : null}
      </div>
      {e.status === 'suspended' ? (
        <Alert
          type="warning"
          showIcon
          title={t('whitelistAdmin.entry.suspendedAlert')}
          description={e.suspendedReason}
        />
      ) : null}
      {wide ? (
        <Row gutter={16}>
          <Col span={16}>{main}</Col>
          <Col span={8}>{measures}</Col>
        </Row>
      ) : (
        <>
          {main}
          {measures}
        </>
      )}
      <EntryActionModal entry={e} action={action} onClose={() => setAction(null)} />
    </Space>
  );
}
