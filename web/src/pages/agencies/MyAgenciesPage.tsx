import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { EngagementCards } from './EngagementCards';
import { serviceText } from './labels';
import { agenciesKey, useAgencies, useEngagements } from './queries';

interface EngageValues {
  agencyId: string;
  services: ('first_inspection' | 'rectification_guidance')[];
  note?: string;
}

function EngageModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<EngageValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const agencies = useAgencies({ kind: 'social_service', status: 'active', page: 1, pageSize: 200 });
  const save = useMutation({
    mutationFn: (v: EngageValues) =>
      call(api.POST('/api/engagements', { body: { agencyId: v.agencyId, services: v.services, note: v.note?.trim() || null } })),
    onMutate: () => setAlert(null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agenciesKey });
      void message.success(t('engagements.requested'));
      form.resetFields();
      onClose();
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, ['agencyId', 'services', 'note'])),
  });
  return (
    <Modal
      open={open}
      title={t('engagements.create.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('engagements.create.submit')}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<EngageValues>
        form={form}
        layout="vertical"
        initialValues={{ services: ['first_inspection', 'rectification_guidance'] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="agencyId" label={t('engagements.field.agency')} rules={[{ required: true, message: t('engagements.field.agencyRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={agencies.isPending}
            placeholder={t('engagements.field.agencyPlaceholder')}
            options={(agencies.data?.items ?? []).map((a) => ({
              value: a.id,
              label: a.grade ? `${a.name}（${t('agencies.gradeShort', { grade: a.grade })}）` : a.name,
            }))}
            notFoundContent={agencies.isError ? problemMessage(agencies.error, locale) : undefined}
          />
        </Form.Item>
        <Form.Item name="services" label={t('engagements.field.services')} rules={[{ required: true, message: t('engagements.field.servicesRequired') }]}>
          <Checkbox.Group
            options={(['first_inspection', 'rectification_guidance'] as const).map((s) => ({ value: s, label: serviceText(s, locale) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('engagements.field.note')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 服务机构 (enterprise): its engagements of social service agencies; engage one, withdraw or end. */
export default function MyAgenciesPage() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const engagements = useEngagements({ page: 1, pageSize: 100 });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('engagements.mine.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('engagements.create.button')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('engagements.mine.intro')}</Typography.Paragraph>
        {engagements.isError ? <Alert type="error" showIcon title={t('common.loadFailed')} /> : null}
        <EngagementCards
          items={engagements.data?.items ?? []}
          loading={engagements.isPending}
          side="enterprise"
          emptyText={t('engagements.mine.empty')}
        />
      </Card>
      <EngageModal open={open} onClose={() => setOpen(false)} />
    </Space>
  );
}
