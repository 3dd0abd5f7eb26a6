import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { failedFirst, passCount } from './eligibility-logic';
import { useEligibility } from './queries';
import './eligibility.css';

export interface Checklist {
  eligible: boolean;
  judgedOn: string;
  conditions: readonly { key: string; label: string; pass: boolean; reason: string }[];
}

/**
 * The verdict and the conditions of one checklist, failed first: the live one of the card below, or a snapshot
 * stored with a white-list application.
 */
export function EligibilityChecklist({ eligibility: e }: { eligibility: Checklist }) {
  const { t, locale } = useI18n();
  const { passed, total } = passCount(e.conditions);
  return (
    <>
      <div className="sc-elig-summary">
        <Tag color={e.eligible ? 'green' : 'orange'} className="sc-elig-verdict">
          {e.eligible ? t('eligibility.eligible') : t('eligibility.notEligible')}
        </Tag>
        <Typography.Text type="secondary" className="sc-small">
          {t('eligibility.summary', { passed, total, date: e.judgedOn })}
        </Typography.Text>
      </div>
      <List
        size="small"
        dataSource={failedFirst(e.conditions)}
        locale={{ emptyText: t('eligibility.none') }}
        renderItem={(c) => (
          <List.Item className="sc-elig-item">
            <span className={c.pass ? 'sc-elig-icon sc-elig-pass' : 'sc-elig-icon sc-elig-fail'}>
              {c.pass ? (
                <CheckCircleFilled aria-label={t('eligibility.pass')} />
              ) : (
                <CloseCircleFilled aria-label={t('eligibility.fail')} />
              )}
            </span>
            <span className="sc-elig-body">
              <span className="sc-elig-label">{c.label}</span>
              {c.reason ? <span className="sc-elig-reason">{c.reason}</span> : null}
            </span>
          </List.Item>
        )}
      />
      {locale !== 'zh-CN' ? (
        <Typography.Paragraph type="secondary" className="sc-small sc-elig-note">
          {t('eligibility.chineseNote')}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

/**
 * 白名单入库条件: the server's checklist for one enterprise, condition by condition with its reason (labels and
 * reasons come in Chinese from the server and are shown as sent). Used on the enterprise home and detail page.
 */
export function EligibilityCard({ enterpriseId, className }: { enterpriseId: string; className?: string }) {
  const { t, locale } = useI18n();
  const eligibility = useEligibility(enterpriseId);

  const refresh = (
    <Tooltip title={t('common.refresh')}>
      <Button
        type="text"
        size="small"
        icon={<ReloadOutlined />}
        aria-label={t('common.refresh')}
        loading={eligibility.isFetching}
        onClick={() => void eligibility.refetch()}
      />
    </Tooltip>
  );

  let body;
  if (eligibility.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (eligibility.isError)
    body = (
      <Alert
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={problemMessage(eligibility.error, locale)}
      />
    );
  else body = <EligibilityChecklist eligibility={eligibility.data} />;

  return (
    <Card size="small" title={t('eligibility.title')} extra={refresh} className={className}>
      {body}
    </Card>
  );
}
