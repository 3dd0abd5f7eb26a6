import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { DecideModal, ExtensionCard } from './Extensions';
import { useExtension } from './queries';
import './hazards.css';

/** `/extension-requests/:id` (notifications link here): one request, its decision and document, its actions. */
export default function ExtensionDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const x = useExtension(id);
  const [decision, setDecision] = useState<'approve' | 'refuse' | null>(null);
  if (x.isPending) {
    return (
      <Card className="sc-page-card">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (x.isError) {
    const notFound = isApiProblem(x.error) && x.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('extensions.notFound') : t('common.loadFailed')}
        subTitle={problemMessage(x.error, locale)}
        extra={<Button onClick={() => void navigate('/extension-requests')}>{t('extensions.back')}</Button>}
      />
    );
  }
  return (
    <Space orientation="vertical" size="middle" className="sc-full-width">
      <Space wrap size={16}>
        <Link to="/extension-requests">
          <ArrowLeftOutlined /> {t('extensions.back')}
        </Link>
        <Link to={`/hazards/${x.data.hazardId}`}>{t('extensions.toHazard')}</Link>
      </Space>
      <ExtensionCard extension={x.data} onDecide={(_, d) => setDecision(d)} />
      <DecideModal
        extension={decision ? x.data : null}
        decision={decision}
        onClose={() => setDecision(null)}
      />
    </Space>
  );
}
