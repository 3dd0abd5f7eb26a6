import { KeyOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { problemMessage } from '../../api/problem';
import { generatePassword } from '../admin/password-gen';
import type { EnterpriseDetail } from './registry-logic';

interface AccountValues {
  username: string;
  displayName: string;
  phone?: string;
  password: string;
}

const accountFields = ['username', 'displayName', 'phone', 'password'] as const;

/**
 * The enterprise's logins, for whoever may manage them: create one directly (initial password, changed at first
 * login), or hand the enterprise a one-time activation code with which it creates its own.
 */
export function AccountsCard({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<AccountValues>();
  const [alert, setAlert] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (v: AccountValues) =>
      call(
        api.POST('/api/enterprises/{id}/accounts', {
          params: { path: { id: enterprise.id } },
          body: {
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            phone: v.phone?.trim() || null,
            password: v.password,
          },
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (_r, v) => {
      setCreating(false);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      modal.success({
        title: t('registry.accounts.created'),
        okText: t('common.ok'),
        content: (
          <div>
            <p>{t('registry.accounts.createdBody', { username: v.username.trim() })}</p>
            <Typography.Text code copyable className="sc-password-shown">
              {v.password}
            </Typography.Text>
          </div>
        ),
      });
    },
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, accountFields)),
  });

  const issue = useMutation({
    mutationFn: () =>
      call(api.POST('/api/enterprises/{id}/activation-codes', { params: { path: { id: enterprise.id } } })),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      modal.success({
        title: t('registry.accounts.codeTitle'),
        okText: t('common.ok'),
        width: 480,
        content: (
          <div>
            <p>{t('registry.accounts.codeBody', { name: enterprise.name })}</p>
            <Typography.Text
              copyable={{ text: r.code }}
              className="sc-reg-code"
              data-testid="activation-code"
            >
              {r.code}
            </Typography.Text>
            <p>
              <Typography.Text type="secondary">
                {t('registry.accounts.codeExpires', { time: formatDateTime(r.expiresAt) })}
              </Typography.Text>
            </p>
            <Alert type="warning" showIcon title={t('registry.accounts.codeOnce')} />
          </div>
        ),
      });
    },
    onError: (error) => void message.error(problemMessage(error, locale)),
  });

  return (
    <Card title={t('registry.accounts.title')} size="small">
      <Typography.Paragraph type="secondary">{t('registry.accounts.intro')}</Typography.Paragraph>
      <Space wrap>
        <Button
          icon={<UserAddOutlined />}
          onClick={() => {
            setAlert(null);
            setCreating(true);
          }}
        >
          {t('registry.accounts.create')}
        </Button>
        <Button icon={<KeyOutlined />} loading={issue.isPending} onClick={() => issue.mutate()}>
          {t('registry.accounts.issueCode')}
        </Button>
      </Space>
      <Modal
        open={creating}
        title={t('registry.accounts.createTitle', { name: enterprise.name })}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('registry.accounts.createSubmit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: create.isPending }}
        destroyOnHidden
      >
        {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
        <Form<AccountValues>
          form={form}
          name="enterprise-account"
          layout="vertical"
          initialValues={{ password: generatePassword(), displayName: enterprise.contactName ?? '' }}
          onFinish={(v) => create.mutate(v)}
          disabled={create.isPending}
        >
          <Form.Item
            name="username"
            label={t('users.field.username')}
            extra={t('users.field.usernameHint')}
            rules={[
              { required: true, message: t('users.field.usernameRequired') },
              { pattern: /^[A-Za-z0-9_.@-]{3,64}$/, message: t('users.field.usernamePattern') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('users.field.displayName')}
            rules={[{ required: true, whitespace: true, message: t('users.field.displayNameRequired') }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="phone" label={t('users.field.phone')}>
            <Input maxLength={32} inputMode="tel" />
          </Form.Item>
          <Form.Item
            label={t('users.field.initialPassword')}
            extra={t('users.field.initialPasswordHint')}
            htmlFor="enterprise-account_password"
            required
          >
            <Space.Compact block>
              <Form.Item
                name="password"
                noStyle
                rules={[{ required: true, message: t('password.newRequired') }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Button onClick={() => form.setFieldValue('password', generatePassword())}>
                {t('users.generate')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
