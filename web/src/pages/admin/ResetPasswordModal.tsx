import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import type { User } from '../../api/types';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { generatePassword } from './password-gen';

/** The administrator sets a temporary password; the user's sessions end and they must change it at login. */
export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: User | null;
  onClose: () => void;
  onDone: (user: User, password: string) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ newPassword: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: (v: { newPassword: string }) =>
      call(api.POST('/api/users/{id}/password-reset', { params: { path: { id: user!.id } }, body: v })),
    onMutate: () => setAlert(null),
    onSuccess: (_, v) => onDone(user!, v.newPassword),
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, ['newPassword'])),
  });

  return (
    <Modal
      title={user ? t('users.reset.title', { name: user.displayName }) : ''}
      open={user !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.reset.submit')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('users.reset.hint')} className="sc-form-alert" />
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form
        form={form}
        name="reset-password"
        layout="vertical"
        initialValues={{ newPassword: generatePassword() }}
        onFinish={(v) => reset.mutate(v)}
      >
        <Form.Item label={t('users.reset.password')} htmlFor="reset-password_newPassword" required>
          <Space.Compact block>
            <Form.Item
              name="newPassword"
              noStyle
              rules={[{ required: true, message: t('password.newRequired') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('newPassword', generatePassword())}>
              {t('users.generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Shown once after creating a user or resetting a password: the administrator passes it on. */
export function showInitialPassword(
  modal: { success: (config: { title: string; content: React.ReactNode; okText: string }) => unknown },
  t: (
    key: 'users.passwordShown.title' | 'users.passwordShown.body' | 'common.ok',
    params?: Record<string, string>,
  ) => string,
  user: User,
  password: string,
) {
  modal.success({
    title: t('users.passwordShown.title'),
    okText: t('common.ok'),
    content: (
      <div>
        <p>{t('users.passwordShown.body', { username: user.username })}</p>
        <Typography.Text code copyable className="sc-password-shown">
          {password}
        </Typography.Text>
      </div>
    ),
  });
}
