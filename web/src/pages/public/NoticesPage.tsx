import { ExclamationCircleOutlined, FileProtectOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { chinaToday, labelColon, periodEndText, periodText } from './public-logic';
import { usePublicNotices, type PublicNotice } from './queries';

export function objectPath(noticeId: string, applicationId: string): string {
  return `/public/notices/${encodeURIComponent(noticeId)}/object?applicationId=${encodeURIComponent(applicationId)}`;
}

/** The period of a notice with its end, and the warning when the end date is only estimated. */
export function NoticePeriod({ notice }: { notice: PublicNotice }) {
  const { t, locale } = useI18n();
  return (
    <>
      <div>
        <Typography.Text type="secondary">
          {t('public.notices.periodLabel')}
          {labelColon(locale)}
        </Typography.Text>
        {periodText(notice, locale)}
        <Typography.Text type="warning" strong>
          {' '}
          {periodEndText(notice, chinaToday(), locale)}
        </Typography.Text>
      </div>
      {notice.endsEstimated ? (
        <Alert
          type="warning"
          showIcon
          className="sc-pub-notice-warning"
          title={t('public.notices.estimated')}
        />
      ) : null}
    </>
  );
}

function NoticeCard({ notice }: { notice: PublicNotice }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  return (
    <Card className="sc-pub-notice" title={notice.title} size="small">
      <div className="sc-pub-notice-meta">
        <div>
          <Typography.Text type="secondary">
            {t('public.notices.number')}
            {labelColon(locale)}
          </Typography.Text>
          {notice.number}
        </div>
        <NoticePeriod notice={notice} />
        <div>
          <a href={notice.verifyUrl} target="_blank" rel="noopener noreferrer">
            <FileProtectOutlined /> {t('public.notices.document')}
          </a>
          <Typography.Text type="secondary">
            {' · '}
            {t('public.notices.count', { n: notice.applications.length })}
          </Typography.Text>
        </div>
      </div>
      <ul className="sc-pub-apps">
        {notice.applications.map((a) => (
          <li key={a.id} className="sc-pub-app">
            <div>
              <div className="sc-pub-app-name">{a.enterpriseName}</div>
              <div className="sc-pub-app-sub">
                <span className="sc-mono">{a.uscc}</span>
                {' · '}
                {a.subdistrictName}
                {a.industryName ? ` · ${a.industryName}` : ''}
              </div>
            </div>
            <Button
              size="small"
              icon={<ExclamationCircleOutlined />}
              onClick={() => void navigate(objectPath(notice.id, a.id))}
            >
              {t('public.notices.object')}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** /public/notices: the notices whose period is running, each with its enterprises and a way to object. */
export default function NoticesPage() {
  const { t, locale } = useI18n();
  const notices = usePublicNotices();
  return (
    <div>
      <Typography.Title level={4} className="sc-pub-title">
        {t('public.notices.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="sc-pub-intro">
        {t('public.notices.intro')}
      </Typography.Paragraph>
      {notices.isPending ? (
        <Skeleton active />
      ) : notices.isError ? (
        <Alert
          type="error"
          showIcon
          title={problemMessage(notices.error, locale)}
          action={
            <Button size="small" onClick={() => void notices.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : notices.data.length === 0 ? (
        <Empty description={t('public.notices.none')} />
      ) : (
        notices.data.map((n) => <NoticeCard key={n.id} notice={n} />)
      )}
    </div>
  );
}
