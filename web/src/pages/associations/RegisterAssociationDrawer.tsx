import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, call } from '../../api/client';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { useIndustries } from '../standards/queries';
import { scopeOptions } from '../standards/standards-logic';
import { associationsKey } from './queries';

interface Values {
  name: string;
  uscc: string;
  industryScope: string[];
  contactName?: string;
  contactPhone?: string;
}

const fields = ['name', 'uscc', 'industryScope', 'contactName', 'contactPhone'] as const;

/** 登记行业协会 (bureau administrator): name, USCC, industry scope, contact. */
export function RegisterAssociationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const industries = useIndustries();
  const options = useMemo(() => scopeOptions(industries.data ?? []), [industries.data]);
  useEffect(() => {
    if (open) setAlert(null);
  }, [open]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      call(
        api.POST('/api/associations', {
          body: {
            name: v.name.trim(),
            uscc: v.uscc.trim().toUpperCase(),
            industryScope: v.industryScope,
            ...(v.contactName?.trim() ? { contactName: v.contactName.trim() } : {}),
            ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
          },
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: associationsKey });
      void message.success(t('associations.register.done', { name: saved.name }));
      form.resetFields();
      onClose();
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, fields)),
  });
  return (
    <Drawer
      title={t('associations.register.title')}
      open={open}
      onClose={onClose}
      size={compact ? '100%' : 520}
      destroyOnHidden
      footer={
        <Space className="sc-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('associations.register.submit')}
          </Button>
        </Space>
      }
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ industryScope: ['19'] }}
        onFinish={(v) => save.mutate(v)}
        disabled={save.isPending}
      >
        <Form.Item
          name="name"
          label={t('associations.field.name')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('associations.field.nameRequired') },
          ]}
        >
          <Input maxLength={100} placeholder={t('associations.field.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('associations.field.uscc')}
          rules={[{ required: true, len: 18, message: t('associations.field.usccRequired') }]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item
          name="industryScope"
          label={t('associations.field.industryScope')}
          extra={t('associations.field.industryScopeHint')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('associations.field.industryScopeRequired') },
          ]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={industries.isPending}
            options={options}
            maxCount={20}
          />
        </Form.Item>
        <Form.Item name="contactName" label={t('associations.field.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('associations.field.contactPhone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
