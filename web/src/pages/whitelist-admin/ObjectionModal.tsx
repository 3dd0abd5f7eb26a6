import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { api, call } from '../../api/client';
import { whitelistKey } from './queries';
import type { NoticeObjection } from './types';
import { objectionBody, type ObjectionValues } from './whitelist-admin-logic';

/**
 * 处理异议: dismiss with a reason, or uphold it, which takes the application off the notice: back to formal
 * review (reconsider) or rejected → `POST /api/whitelist/objections/:id/handle`.
 */
export function ObjectionModal({
  objection,
  onClose,
}: {
  objection: NoticeObjection | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ObjectionValues>();
  const decision = Form.useWatch('decision', form);
  const [alert, setAlert] = useState<string | null>(null);

  const handle = useMutation({
    mutationFn: (v: ObjectionValues) =>
      call(
        api.POST('/api/whitelist/objections/{id}/handle', {
          params: { path: { id: objection!.id } },
          body: objectionBody(v),
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: whitelistKey });
      void message.success(t('whitelistAdmin.handle.done'));
      form.resetFields();
      onClose();
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, ['decision', 'outcome', 'reason'])),
  });

  return (
    <Modal
      open={objection !== null}
      title={t('whitelistAdmin.handle.title')}
      onCancel={() => {
        setAlert(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('whitelistAdmin.handle.submit')}
      okButtonProps={{ loading: handle.isPending, danger: decision === 'uphold' }}
      destroyOnHidden
    >
      {objection ? (
        <Typography.Paragraph>
          <Typography.Text strong>{objection.enterpriseName}</Typography.Text>
          <br />
          <span className="sc-wla-text">{objection.content}</span>
        </Typography.Paragraph>
      ) : null}
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<ObjectionValues>
        form={form}
        layout="vertical"
        initialValues={{ decision: 'dismiss', outcome: 'reconsider' }}
        onFinish={(v) => handle.mutate(v)}
        preserve={false}
      >
        <Form.Item name="decision" label={t('whitelistAdmin.handle.decision')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'dismiss', label: t('whitelistAdmin.handle.dismiss') },
              { value: 'uphold', label: t('whitelistAdmin.handle.uphold') },
            ]}
          />
        </Form.Item>
        {decision === 'uphold' ? (
          <Form.Item
            name="outcome"
            label={t('whitelistAdmin.handle.outcome')}
            extra={t('whitelistAdmin.handle.upholdHint')}
            rules={[{ required: true }]}
          >
            <Radio.Group
              options={[
                { value: 'reconsider', label: t('whitelistAdmin.handle.reconsider') },
                { value: 'reject', label: t('whitelistAdmin.handle.reject') },
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('whitelistAdmin.handle.reason')}
          rules={[{ required: true, whitespace: true, message: t('whitelistAdmin.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
