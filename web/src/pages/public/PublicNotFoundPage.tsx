import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';

/** An unknown /public/… path: back to the portal, never to the (private) home page. */
export default function PublicNotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('public.notFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/public')}>
          {t('public.backHome')}
        </Button>
      }
    />
  );
}
