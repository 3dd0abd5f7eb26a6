import { KeyOutlined, LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { applyProblemToForm } from '../components/form-problem';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import './registry/registry.css';

interface ActivateValues {
  code: string;
  username: string;
  displayName: string;
  phone?: string;
  password: string;
  confirm: string;
}

const fields = ['code', 'username', 'displayName', 'phone', 'password'] as const;

/**
 * Public: an enterprise redeems the one-time activation code it was given into its own login. A refused
 * username or password leaves the code usable; on success the user logs in with what was chosen here.
 */
export default function ActivatePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<ActivateValues>();
  const [alert, setAlert] = useState<string | null>(null);

  const activate = useMutation({
    mutationFn: (v: ActivateValues) =>
      call(
        api.POST('/api/auth/activate', {
          body: {
            code: v.code.trim(),
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            phone: v.phone?.trim() || null,
            password: v.password,
          },
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (_r, v) => {
      void message.success(t('activate.done'));
      void navigate('/login', { replace: true, state: { activated: v.username.trim() } });
    },
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, fields)),
  });

  return (
    <div className="sc-login sc-activate">
      <div className="sc-login-lang">
        <LanguageSwitch size="small" />
      </div>
      <Card className="sc-login-card sc-activate-card">
        <div className="sc-login-brand">
          <SafetyCertificateOutlined className="sc-login-logo" />
          <Typography.Title level={3} className="sc-login-title">
            {t('activate.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('activate.subtitle')}</Typography.Text>
        </div>
        {alert ? <Alert type="error" showIcon role="alert" title={alert} className="sc-form-alert" /> : null}
        <Form<ActivateValues>
          form={form}
          name="activate"
          layout="vertical"
          requiredMark={false}
          initialValues={{ code: params.get('code') ?? '' }}
          onFinish={(v) => activate.mutate(v)}
          disabled={activate.isPending}
        >
          <Form.Item
            name="code"
            label={t('activate.code')}
            normalize={(v: string) => v.toUpperCase()}
            rules={[{ required: true, whitespace: true, message: t('activate.codeRequired') }]}
          >
            <Input
              prefix={<KeyOutlined />}
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
              className="sc-mono"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="username"
            label={t('users.field.username')}
            extra={t('users.field.usernameHint')}
            rules={[
              { required: true, message: t('users.field.usernameRequired') },
              { pattern: /^[A-Za-z0-9_.@-]{3,64}$/, message: t('users.field.usernamePattern') },
            ]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('activate.displayName')}
            rules={[{ required: true, whitespace: true, message: t('users.field.displayNameRequired') }]}
          >
            <Input maxLength={64} autoComplete="name" />
          </Form.Item>
          <Form.Item name="phone" label={t('users.field.phone')}>
            <Input maxLength={32} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('activate.password')}
            extra={t('password.rules')}
            rules={[{ required: true, message: t('password.newRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('activate.confirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  if (value && value !== getFieldValue('password')) throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={activate.isPending}>
            {t('activate.submit')}
          </Button>
        </Form>
        <Typography.Paragraph className="sc-forced-logout">
          <Link to="/login">{t('activate.toLogin')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
