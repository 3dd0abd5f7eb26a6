import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const serverFields = ['currentPassword', 'newPassword'] as const;

/**
 * Current password, new password twice. The rules (length, not the username) are the server's: its field
 * errors appear under the fields they concern.
 */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (v: Values) =>
      call(
        api.POST('/api/me/password', {
          body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: onDone,
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, serverFields)),
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => change.mutate(v)}
      disabled={change.isPending}
      className="sc-narrow-form"
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.rules')}
        rules={[{ required: true, message: t('password.newRequired') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
