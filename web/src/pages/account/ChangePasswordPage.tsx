import { useQueryClient } from '@tanstack/react-query';
import { App, Card } from 'antd';
import { useNavigate } from 'react-router';
import { meQueryKey } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Any user, from the header: change their own password (their other sessions end). */
export default function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Card title={t('password.title')} className="sc-page-card">
      <ChangePasswordForm
        onDone={() => {
          void message.success(t('password.changed'));
          void queryClient.invalidateQueries({ queryKey: meQueryKey });
          void navigate('/');
        }}
      />
    </Card>
  );
}
