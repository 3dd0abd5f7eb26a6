import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  List,
  Popconfirm,
  Skeleton,
  Space,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { CreateUserBody, User } from '../../api/types';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { roleText, unitKindText } from '../../labels';
import { BindingFields, type BindingValue } from './BindingFields';
import { usersKey, useUser } from './queries';

interface BasicValues {
  displayName: string;
  phone?: string | null;
}

type Role = CreateUserBody['bindings'][number]['role'];

/** Edit a user's name and phone, and add or remove their role bindings. */
export function EditUserDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const user = useUser(userId);
  const [basicForm] = Form.useForm<BasicValues>();
  const [bindingForm] = Form.useForm<BindingValue>();
  const [basicAlert, setBasicAlert] = useState<string | null>(null);
  const [bindingAlert, setBindingAlert] = useState<string | null>(null);

  useEffect(() => {
    if (user.data) basicForm.setFieldsValue({ displayName: user.data.displayName, phone: user.data.phone });
  }, [user.data, basicForm]);

  const onSaved = (saved: User) => {
    queryClient.setQueryData([...usersKey, 'one', saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: usersKey });
  };

  const update = useMutation({
    mutationFn: (v: BasicValues) =>
      call(
        api.PATCH('/api/users/{id}', {
          params: { path: { id: userId! } },
          body: { displayName: v.displayName.trim(), phone: v.phone?.trim() || null },
        }),
      ),
    onMutate: () => setBasicAlert(null),
    onSuccess: (saved) => {
      onSaved(saved);
      void message.success(t('common.saved'));
    },
    onError: (error) => setBasicAlert(applyProblemToForm(basicForm, error, locale, ['displayName', 'phone'])),
  });

  const addBinding = useMutation({
    mutationFn: (v: BindingValue) =>
      call(
        api.POST('/api/users/{id}/bindings', {
          params: { path: { id: userId! } },
          body: { role: v.role as Role, unitId: v.unitId! },
        }),
      ),
    onMutate: () => setBindingAlert(null),
    onSuccess: (saved) => {
      onSaved(saved);
      bindingForm.resetFields();
      void message.success(t('users.binding.added'));
    },
    onError: (error) => setBindingAlert(applyProblemToForm(bindingForm, error, locale, ['role', 'unitId'])),
  });

  const removeBinding = useMutation({
    mutationFn: (bindingId: string) =>
      call(
        api.DELETE('/api/users/{id}/bindings/{bindingId}', { params: { path: { id: userId!, bindingId } } }),
      ),
    onSuccess: (saved) => {
      onSaved(saved);
      void message.success(t('users.binding.removed'));
    },
    onError: (error) => void message.error(problemMessage(error, locale)),
  });

  const data = user.data;
  const canUpdate = data?.abilities?.update === true;
  const canBind = data?.abilities?.manageBindings === true;

  return (
    <Drawer
      title={data ? t('users.edit.title', { name: data.displayName }) : t('users.edit.titleLoading')}
      open={userId !== null}
      onClose={onClose}
      size={compact ? '100%' : 600}
      destroyOnHidden
    >
      {user.isError ? <Alert type="error" showIcon title={problemMessage(user.error, locale)} /> : null}
      {!data ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'username', label: t('users.field.username'), children: data.username },
              {
                key: 'createdAt',
                label: t('users.field.createdAt'),
                children: formatDateTime(data.createdAt),
              },
              {
                key: 'lastLoginAt',
                label: t('users.field.lastLogin'),
                children: formatDateTime(data.lastLoginAt),
              },
            ]}
          />
          <Divider titlePlacement="start">{t('users.edit.basic')}</Divider>
          {basicAlert ? <Alert type="error" showIcon title={basicAlert} className="sc-form-alert" /> : null}
          <Form<BasicValues>
            form={basicForm}
            layout="vertical"
            onFinish={(v) => update.mutate(v)}
            disabled={!canUpdate || update.isPending}
          >
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
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Form>

          <Divider titlePlacement="start">{t('users.bindings')}</Divider>
          <List
            size="small"
            dataSource={data.bindings}
            locale={{ emptyText: t('users.binding.none') }}
            renderItem={(b) => (
              <List.Item
                actions={
                  canBind
                    ? [
                        <Popconfirm
                          key="remove"
                          title={t('users.binding.removeConfirm')}
                          onConfirm={() => removeBinding.mutateAsync(b.id).catch(() => undefined)}
                          okButtonProps={{ danger: true }}
                        >
                          <Button type="text" danger size="small" icon={<DeleteOutlined />}>
                            {t('users.binding.remove')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <Space wrap>
                  <Tag color="blue">{roleText(b.role, locale)}</Tag>
                  <span>
                    {unitKindText(b.unitKind, locale)} · {b.unitName || b.unitId}
                  </span>
                </Space>
              </List.Item>
            )}
          />
          {canBind ? (
            <>
              {bindingAlert ? (
                <Alert type="error" showIcon title={bindingAlert} className="sc-form-alert" />
              ) : null}
              <Form<BindingValue>
                form={bindingForm}
                layout="vertical"
                onFinish={(v) => addBinding.mutate(v)}
                disabled={addBinding.isPending}
                className="sc-add-binding"
              >
                <BindingFields form={bindingForm} />
                <Button htmlType="submit" icon={<PlusOutlined />} loading={addBinding.isPending}>
                  {t('users.binding.add')}
                </Button>
              </Form>
            </>
          ) : null}
        </>
      )}
    </Drawer>
  );
}
