import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, List, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { engineerQueueOrder } from '../confirmations/confirmations-logic';
import { useConfirmations, useEngineers } from '../confirmations/queries';
import { StatusTag, ValidityTag } from '../confirmations/ConfirmationsPage';
import { AgencyRecordCard, EngineerList, EngineerModal } from './Engineers';
import { agencyStatusColor, agencyStatusText, kindText } from './labels';
import { agenciesKey } from './queries';

/** An agency of the register (bureau): its data, confirmation record (评价), engineers and confirmations. */
export default function AgencyDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const [adding, setAdding] = useState(false);
  const agency = useQuery({
    queryKey: [...agenciesKey, 'one', id],
    queryFn: () => call(api.GET('/api/agencies/{id}', { params: { path: { id } } })),
  });
  const engineers = useEngineers({ agencyId: id });
  const confirmations = useConfirmations({ agencyId: id, page: 1, pageSize: 20 });

  if (agency.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (agency.isError) {
    return (
      <Result
        status="warning"
        title={problemMessage(agency.error, locale)}
        extra={
          <Link to="/agencies">
            <Button>{t('engineers.agencyDetail.back')}</Button>
          </Link>
        }
      />
    );
  }
  const a = agency.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Link to="/agencies" aria-label={t('engineers.agencyDetail.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span>{a.name}</span>
            <Tag color={agencyStatusColor[a.status]}>{agencyStatusText(a.status, locale)}</Tag>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'uscc', label: t('agencies.field.uscc'), children: a.uscc },
            { key: 'kinds', label: t('agencies.field.kinds'), children: a.kinds.map((k) => kindText(k, locale)).join('、') },
            {
              key: 'grade',
              label: t('agencies.field.grade'),
              children: a.grade
                ? `${a.grade}${a.gradeValidUntil ? ` · ${t('agencies.validUntil', { date: a.gradeValidUntil })}` : ''}`
                : '—',
            },
            {
              key: 'contact',
              label: t('agencies.field.contact'),
              children: [a.contactName, a.contactPhone].filter(Boolean).join(' ') || '—',
            },
          ]}
        />
      </Card>
      <AgencyRecordCard agencyId={id} />
      <Card
        title={t('engineers.title')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('engineers.add.button')}
          </Button>
        }
      >
        {engineers.isError ? <Alert type="error" showIcon title={problemMessage(engineers.error, locale)} /> : null}
        <EngineerList engineers={engineerQueueOrder(engineers.data ?? [])} loading={engineers.isPending} />
      </Card>
      <Card title={t('engineers.agencyDetail.confirmations', { n: confirmations.data?.total ?? 0 })}>
        <List
          loading={confirmations.isPending}
          dataSource={confirmations.data?.items ?? []}
          locale={{ emptyText: t('confirmations.empty') }}
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <Link to={`/confirmations/${c.id}`}>{c.enterpriseName}</Link>
                  <StatusTag status={c.status} />
                  <ValidityTag c={c} />
                  {c.falseConfirmation ? <Tag color="red">{t('confirmations.falseConfirmation')}</Tag> : null}
                </Space>
                <Typography.Text type="secondary" className="sc-small">
                  {formatDateTime(c.requestedAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <EngineerModal open={adding} agencyId={id} onClose={() => setAdding(false)} />
    </Space>
  );
}
