import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { meQueryKey, useLogout, useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After the first login or an administrator's reset: nothing else opens until the password is changed. */
export default function ForcedPasswordPage() {
  const me = useSession();
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const [changed, setChanged] = useState(false);

  // once changed, /api/me reloads without the flag: go home (a visit without the flag gets the normal page)
  if (!me.user.mustChangePassword) return <Navigate to={changed ? '/' : '/account/password'} replace />;

  return (
    <div className="sc-login">
      <div className="sc-login-lang">
        <LanguageSwitch size="small" />
      </div>
      <Card className="sc-login-card" title={t('password.forcedTitle')}>
        <Alert
          type="info"
          showIcon
          title={t('password.forcedHint', { name: me.user.displayName })}
          className="sc-form-alert"
        />
        <ChangePasswordForm
          onDone={() => {
            setChanged(true);
            void message.success(t('password.changed'));
            void queryClient.invalidateQueries({ queryKey: meQueryKey });
          }}
        />
        <Typography.Paragraph className="sc-forced-logout">
          <Button type="link" onClick={() => logout.mutate()}>
            {t('header.logout')}
          </Button>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
