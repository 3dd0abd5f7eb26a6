import { Alert, Card, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { EngagementCards } from './EngagementCards';
import { useEngagements } from './queries';

/** 机构工作台 (agency users): requests to answer, the enterprises it serves (links to their records), past ones. */
export default function AgencyWorkspacePage() {
  const { t } = useI18n();
  const requested = useEngagements({ status: 'requested', page: 1, pageSize: 100 });
  const active = useEngagements({ status: 'active', page: 1, pageSize: 200 });
  const failed = requested.isError || active.isError;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {failed ? <Alert type="error" showIcon title={t('common.loadFailed')} /> : null}
      <Card title={t('engagements.workspace.requests', { n: requested.data?.total ?? 0 })}>
        <EngagementCards
          items={requested.data?.items ?? []}
          loading={requested.isPending}
          side="agency"
          emptyText={t('engagements.workspace.noRequests')}
        />
      </Card>
      <Card title={t('engagements.workspace.enterprises', { n: active.data?.total ?? 0 })}>
        <List
          loading={active.isPending}
          dataSource={active.data?.items ?? []}
          locale={{ emptyText: t('engagements.workspace.noEnterprises') }}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/enterprises/${e.enterpriseId}`}>{e.enterpriseName}</Link>}
                description={
                  <Typography.Text type="secondary" className="sc-small">
                    {t('engagements.acceptedAt', { date: (e.acceptedAt ?? e.requestedAt).slice(0, 10) })}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('engagements.workspace.active')}>
        <EngagementCards
          items={active.data?.items ?? []}
          loading={active.isPending}
          side="agency"
          emptyText={t('engagements.workspace.noEnterprises')}
        />
      </Card>
    </Space>
  );
}
