import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, call, setCsrfToken } from '../api/client';
import { isApiProblem, problemMessage } from '../api/problem';
import { useMeQuery } from '../auth/session';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';

interface LoginForm {
  username: string;
  password: string;
}

/** Only paths of this app: never an absolute or protocol-relative URL from the query string. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const expired = params.get('expired') === '1';
  // an enterprise that has just activated its account (ActivatePage) arrives with its username
  const activatedState: unknown = useLocation().state;
  const activated =
    typeof activatedState === 'object' && activatedState !== null && 'activated' in activatedState
      ? String(activatedState.activated)
      : null;
  // already signed in (a bookmark of /login, the back button): go on
  const me = useMeQuery();

  const login = useMutation({
    mutationFn: (body: LoginForm) => call(api.POST('/api/auth/login', { body })),
    onSuccess: (result) => {
      setCsrfToken(result.csrfToken);
      queryClient.clear();
      void navigate(result.mustChangePassword ? '/change-password' : safeNext(params.get('next')), {
        replace: true,
      });
    },
  });

  const error = login.error;
  const lockedUntil =
    isApiProblem(error) && error.code === 'AUTH_ACCOUNT_LOCKED' && typeof error.body.lockedUntil === 'string'
      ? error.body.lockedUntil
      : null;

  if (me.data && !login.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <div className="sc-login">
      <div className="sc-login-lang">
        <LanguageSwitch size="small" />
      </div>
      <Card className="sc-login-card">
        <div className="sc-login-brand">
          <SafetyCertificateOutlined className="sc-login-logo" />
          <Typography.Title level={3} className="sc-login-title">
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        {activated && !error ? (
          <Alert
            type="success"
            showIcon
            title={t('login.activated', { username: activated })}
            className="sc-form-alert"
          />
        ) : null}
        {expired && !error ? (
          <Alert type="warning" showIcon title={t('login.expired')} className="sc-form-alert" />
        ) : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="sc-form-alert"
            title={problemMessage(error, locale)}
            description={
              lockedUntil ? t('login.lockedUntil', { time: formatDateTime(lockedUntil) }) : undefined
            }
          />
        ) : null}
        <Form<LoginForm>
          layout="vertical"
          size="large"
          requiredMark={false}
          initialValues={activated ? { username: activated } : undefined}
          onFinish={(values) => login.mutate(values)}
          disabled={login.isPending}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus autoCapitalize="none" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph className="sc-forced-logout">
          <Link to="/activate">{t('login.activateLink')}</Link>
        </Typography.Paragraph>
        <Typography.Paragraph className="sc-forced-logout">
          <Link to="/public">{t('public.loginLink')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
