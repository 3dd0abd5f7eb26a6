import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { useMeasures } from './queries';
import type { Measure } from './types';
import { measuresOrder, measureText, reentryBanEnd } from './whitelist-admin-logic';
import './whitelist-admin.css';

/** The measures of an exit or an enterprise: name, period (or until lifted), in force or ended, note. */
export function MeasuresList({ measures }: { measures: readonly Measure[] }) {
  const { t } = useI18n();
  if (measures.length === 0) {
    return <Typography.Text type="secondary">{t('whitelistAdmin.measures.none')}</Typography.Text>;
  }
  return (
    <List
      size="small"
      dataSource={measuresOrder(measures)}
      renderItem={(m) => (
        <List.Item>
          <Space orientation="vertical" size={0} className="sc-full-width">
            <Space wrap size={4}>
              <Typography.Text strong={m.inForce} type={m.inForce ? undefined : 'secondary'}>
                {measureText(m, t)}
              </Typography.Text>
              <Tag color={m.inForce ? 'red' : 'default'}>
                {m.inForce ? t('whitelistAdmin.measures.inForce') : t('whitelistAdmin.measures.ended')}
              </Tag>
            </Space>
            <Typography.Text type="secondary" className="sc-small">
              <span className="sc-mono">{m.startsOn}</span>
              {' ~ '}
              {m.endsOn ? (
                <span className="sc-mono">{m.endsOn}</span>
              ) : (
                t('whitelistAdmin.measures.untilLifted')
              )}
            </Typography.Text>
            {m.note ? <Typography.Text className="sc-small sc-wla-text">{m.note}</Typography.Text> : null}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The end of a re-entry ban in force, as a line above the measures. */
export function ReentryBanLine({ measures }: { measures: readonly Measure[] }) {
  const { t } = useI18n();
  const end = reentryBanEnd(measures);
  return end ? (
    <Alert type="warning" showIcon title={t('whitelistAdmin.measures.reentryBan', { date: end })} />
  ) : null;
}

/**
 * 管理措施（退出后）of an enterprise (`GET /api/enterprises/:id/measures`), for the enterprise detail page.
 * Renders nothing while there are none, while loading, or when the user may not read them.
 */
export function MeasuresCard({ enterpriseId }: { enterpriseId: string }) {
  const { t, locale } = useI18n();
  const measures = useMeasures(enterpriseId);
  if (measures.isError) {
    if (isApiProblem(measures.error) && measures.error.status === 403) return null;
    return (
      <Card size="small" title={t('whitelistAdmin.measures.title')}>
        <Alert type="error" showIcon title={problemMessage(measures.error, locale)} />
      </Card>
    );
  }
  if (!measures.data || measures.data.length === 0) return null;
  return (
    <Card size="small" title={t('whitelistAdmin.measures.title')}>
      <Space orientation="vertical" size={8} className="sc-full-width">
        <ReentryBanLine measures={measures.data} />
        <MeasuresList measures={measures.data} />
      </Space>
    </Card>
  );
}
