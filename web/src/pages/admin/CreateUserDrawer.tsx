import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Divider, Drawer, Form, Grid, Input, Space } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import type { CreateUserBody, User } from '../../api/types';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { BindingFields, type BindingValue } from './BindingFields';
import { generatePassword } from './password-gen';
import { usersKey } from './queries';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  password: string;
  bindings: BindingValue[];
}

const fields = ['username', 'displayName', 'phone', 'password', 'bindings'] as const;

/** New user: account, initial password (to be changed at first login) and role bindings. */
export function CreateUserDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User, password: string) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;

  const create = useMutation({
    mutationFn: (v: Values) => {
      const body: CreateUserBody = {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        phone: v.phone?.trim() || null,
        password: v.password,
        bindings: v.bindings.map((b) => ({
          role: b.role as CreateUserBody['bindings'][number]['role'],
          unitId: b.unitId!,
        })),
      };
      return call(api.POST('/api/users', { body }));
    },
    onMutate: () => setAlert(null),
    onSuccess: (user, v) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      form.resetFields();
      onCreated(user, v.password);
    },
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, fields)),
  });

  return (
    <Drawer
      title={t('users.create.title')}
      open={open}
      onClose={onClose}
      size={compact ? '100%' : 600}
      destroyOnHidden
      footer={
        <Space className="sc-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('users.create.submit')}
          </Button>
        </Space>
      }
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<Values>
        form={form}
        name="create-user"
        layout="vertical"
        initialValues={{ bindings: [{}], password: generatePassword() }}
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
          htmlFor="create-user_password"
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
        <Divider titlePlacement="start">{t('users.bindings')}</Divider>
        <Form.List name="bindings">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <div key={row.key} className="sc-binding-row">
                  <BindingFields form={form} list={{ name: 'bindings', index: row.name }} />
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    aria-label={t('users.binding.remove')}
                    onClick={() => remove(row.name)}
                    className="sc-binding-remove"
                  />
                </div>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
                {t('users.binding.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
