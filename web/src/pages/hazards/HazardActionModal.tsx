import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n, type MessageKey } from '../../i18n';
import { EvidenceUpload } from './Evidence';
import { chinaToday, type HazardAction, type HazardDetail } from './hazards-logic';
import { hazardsKey } from './queries';

interface Values {
  plan?: string;
  closureNote?: string;
  afterEvidence?: string[];
  note?: string;
  reason?: string;
  ownerName?: string;
  deadline?: Dayjs;
  interimMeasures?: string;
  description?: string;
  beforeEvidence?: string[];
  requestedDeadline?: Dayjs;
  interimControls?: string;
  evidence?: string[];
}

const titles: Record<HazardAction, MessageKey> = {
  edit: 'hazards.action.edit',
  start: 'hazards.action.start',
  submit: 'hazards.action.submit',
  verify: 'hazards.action.verify',
  reject: 'hazards.action.reject',
  reopen: 'hazards.action.reopen',
  requestExtension: 'hazards.action.requestExtension',
};

const fieldsOf: Record<HazardAction, string[]> = {
  edit: ['ownerName', 'deadline', 'interimMeasures', 'description', 'beforeEvidence'],
  start: ['plan'],
  submit: ['afterEvidence', 'closureNote'],
  verify: ['note'],
  reject: ['note'],
  reopen: ['reason'],
  requestExtension: ['requestedDeadline', 'reason', 'interimControls', 'evidence'],
};

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** One action on a hazard, as a form in a modal; the server's answer refreshes the hazard and the lists. */
export function HazardActionModal({
  hazard,
  action,
  onClose,
}: {
  hazard: HazardDetail;
  action: HazardAction | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const id = hazard.id;
  const path = { params: { path: { id } } };

  const run = useMutation({
    mutationFn: async (v: Values): Promise<unknown> => {
      switch (action) {
        case 'edit': {
          // only what changed: an unchanged later deadline would need an extension request
          const body: Record<string, unknown> = {};
          const owner = trimmed(v.ownerName) ?? null;
          if (owner !== (hazard.ownerName ?? null)) body.ownerName = owner;
          if (day(v.deadline) !== hazard.deadline) body.deadline = day(v.deadline);
          if ((v.interimMeasures ?? '').trim() !== hazard.interimMeasures)
            body.interimMeasures = (v.interimMeasures ?? '').trim();
          if ((v.description ?? '').trim() !== hazard.description)
            body.description = (v.description ?? '').trim();
          const before = v.beforeEvidence ?? [];
          if (before.join() !== hazard.beforeEvidence.join()) body.beforeEvidence = before;
          return call(api.PATCH('/api/hazards/{id}', { ...path, body }));
        }
        case 'start':
          return call(api.POST('/api/hazards/{id}/start', { ...path, body: { plan: v.plan!.trim() } }));
        case 'submit':
          return call(
            api.POST('/api/hazards/{id}/submit', {
              ...path,
              body: { afterEvidence: v.afterEvidence ?? [], closureNote: trimmed(v.closureNote) },
            }),
          );
        case 'verify':
          return call(api.POST('/api/hazards/{id}/verify', { ...path, body: { note: trimmed(v.note) } }));
        case 'reject':
          return call(api.POST('/api/hazards/{id}/reject', { ...path, body: { note: v.note!.trim() } }));
        case 'reopen':
          return call(api.POST('/api/hazards/{id}/reopen', { ...path, body: { reason: v.reason!.trim() } }));
        case 'requestExtension':
          return call(
            api.POST('/api/hazards/{id}/extension-requests', {
              ...path,
              body: {
                requestedDeadline: day(v.requestedDeadline)!,
                reason: v.reason!.trim(),
                interimControls: v.interimControls!.trim(),
                evidence: v.evidence?.length ? v.evidence : undefined,
              },
            }),
          );
        default:
          return null;
      }
    },
    onMutate: () => setAlert(null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hazardsKey });
      void message.success(t('hazards.action.done', { action: t(titles[action!]) }));
      onClose();
    },
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, fieldsOf[action!])),
  });

  const initial: Values =
    action === 'edit'
      ? {
          ownerName: hazard.ownerName ?? '',
          deadline: dayjs(hazard.deadline),
          interimMeasures: hazard.interimMeasures,
          description: hazard.description,
          beforeEvidence: hazard.beforeEvidence,
        }
      : action === 'submit'
        ? { afterEvidence: hazard.afterEvidence }
        : {};
  const today = chinaToday();
  const notPast = (d: Dayjs) => d.format('YYYY-MM-DD') < today;
  const required = (key: MessageKey) => [{ required: true, whitespace: true, message: t(key) }];

  return (
    <Modal
      open={action !== null}
      title={action ? t(titles[action]) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(titles[action]) : undefined}
      okButtonProps={{ loading: run.isPending, danger: action === 'reject' || action === 'reopen' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      afterOpenChange={(open) => (open ? null : setAlert(null))}
    >
      <Typography.Paragraph type="secondary" className="sc-small">
        {hazard.title}
      </Typography.Paragraph>
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        preserve={false}
        onFinish={(v) => run.mutate(v)}
      >
        {action === 'edit' ? (
          <>
            <Form.Item name="ownerName" label={t('hazards.field.owner')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="deadline"
              label={t('hazards.field.deadline')}
              extra={t('hazards.edit.deadlineHint')}
              rules={[{ required: true, message: t('hazards.edit.deadlineRequired') }]}
            >
              <DatePicker className="sc-full-width" disabledDate={notPast} inputReadOnly />
            </Form.Item>
            <Form.Item name="interimMeasures" label={t('hazards.field.interimMeasures')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="description" label={t('hazards.field.description')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="beforeEvidence" label={t('hazards.field.beforeEvidence')}>
              <EvidenceUpload hazardId={id} label={t('hazards.field.beforeEvidence')} />
            </Form.Item>
          </>
        ) : null}
        {action === 'start' ? (
          <Form.Item
            name="plan"
            label={t('hazards.field.plan')}
            rules={required('hazards.start.planRequired')}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('hazards.start.planHint')} />
          </Form.Item>
        ) : null}
        {action === 'submit' ? (
          <>
            <Form.Item
              name="afterEvidence"
              label={t('hazards.field.afterEvidence')}
              extra={t('hazards.submit.evidenceHint')}
              rules={[
                {
                  validator: (_, v: string[] | undefined) =>
                    v && v.length > 0
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('hazards.submit.evidenceRequired'))),
                },
              ]}
            >
              <EvidenceUpload hazardId={id} label={t('hazards.field.afterEvidence')} />
            </Form.Item>
            <Form.Item name="closureNote" label={t('hazards.field.closureNote')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        {action === 'verify' ? (
          <Form.Item name="note" label={t('hazards.field.verificationNote')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {action === 'reject' ? (
          <Form.Item
            name="note"
            label={t('hazards.reject.note')}
            rules={required('hazards.reject.noteRequired')}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {action === 'reopen' ? (
          <Form.Item
            name="reason"
            label={t('hazards.reopen.reason')}
            rules={required('hazards.reopen.reasonRequired')}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {action === 'requestExtension' ? (
          <>
            <Typography.Paragraph type="secondary" className="sc-small">
              {t('extensions.form.current', { date: hazard.deadline })}
            </Typography.Paragraph>
            <Form.Item
              name="requestedDeadline"
              label={t('extensions.field.requestedDeadline')}
              rules={[{ required: true, message: t('extensions.form.deadlineRequired') }]}
            >
              <DatePicker
                className="sc-full-width"
                inputReadOnly
                disabledDate={(d) => d.format('YYYY-MM-DD') <= hazard.deadline || notPast(d)}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('extensions.field.reason')}
              rules={required('extensions.form.reasonRequired')}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item
              name="interimControls"
              label={t('extensions.field.interimControls')}
              extra={t('extensions.form.interimHint')}
              rules={required('extensions.form.interimRequired')}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item name="evidence" label={t('extensions.field.evidence')}>
              <EvidenceUpload hazardId={id} label={t('extensions.field.evidence')} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
