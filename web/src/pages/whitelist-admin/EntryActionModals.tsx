import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n, type MessageKey } from '../../i18n';
import { api, call } from '../../api/client';
import { whitelistKey } from './queries';
import type { Entry, ExitReason } from './types';
import { exitProposalBody, exitReasonKey, exitReasons, type EntryAction } from './whitelist-admin-logic';

interface Values {
  reason?: string;
  summary?: string;
  evidence?: string[];
}

const titles: Record<EntryAction, MessageKey> = {
  suspend: 'whitelistAdmin.suspend.title',
  reinstate: 'whitelistAdmin.reinstate.title',
  propose_exit: 'whitelistAdmin.propose.title',
  withdraw: 'whitelistAdmin.withdraw.title',
};
const intros: Record<EntryAction, MessageKey> = {
  suspend: 'whitelistAdmin.suspend.intro',
  reinstate: 'whitelistAdmin.reinstate.intro',
  propose_exit: 'whitelistAdmin.propose.intro',
  withdraw: 'whitelistAdmin.withdraw.intro',
};
const done: Record<EntryAction, MessageKey> = {
  suspend: 'whitelistAdmin.suspend.done',
  reinstate: 'whitelistAdmin.reinstate.done',
  propose_exit: 'whitelistAdmin.propose.done',
  withdraw: 'whitelistAdmin.withdraw.done',
};

/**
 * One action on an entry in a modal: 暂停 / 恢复 (a reason), 提出退出 (one of the six reasons, a summary, evidence),
 * 申请退出 (the enterprise's own summary). The server's answer refreshes the entry and the lists.
 */
export function EntryActionModal({
  entry,
  action,
  onClose,
}: {
  entry: Pick<Entry, 'id' | 'number' | 'enterpriseName'>;
  action: EntryAction | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const path = { params: { path: { id: entry.id } } };

  const run = useMutation({
    mutationFn: (v: Values): Promise<unknown> => {
      switch (action) {
        case 'suspend':
          return call(
            api.POST('/api/whitelist/entries/{id}/suspend', { ...path, body: { reason: v.reason!.trim() } }),
          );
        case 'reinstate':
          return call(
            api.POST('/api/whitelist/entries/{id}/reinstate', {
              ...path,
              body: { reason: v.reason!.trim() },
            }),
          );
        case 'propose_exit':
          return call(
            api.POST('/api/whitelist/entries/{id}/exit-proposals', {
              ...path,
              body: exitProposalBody({
                reason: v.reason as ExitReason,
                summary: v.summary!,
                evidence: v.evidence,
              }),
            }),
          );
        case 'withdraw':
          return call(
            api.POST('/api/whitelist/entries/{id}/withdraw', {
              ...path,
              body: { summary: v.summary!.trim() },
            }),
          );
        default:
          return Promise.resolve(null);
      }
    },
    onMutate: () => setAlert(null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: whitelistKey });
      void message.success(t(done[action!]));
      form.resetFields();
      onClose();
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, ['reason', 'summary', 'evidence'])),
  });

  const required = { required: true, whitespace: true, message: t('whitelistAdmin.reasonRequired') };

  return (
    <Modal
      open={action !== null}
      title={action ? t(titles[action]) : null}
      onCancel={() => {
        setAlert(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText={action ? t(titles[action]) : undefined}
      okButtonProps={{ loading: run.isPending, danger: action === 'suspend' || action === 'withdraw' }}
      destroyOnHidden
    >
      {action ? (
        <Typography.Paragraph type="secondary">
          {entry.enterpriseName}（<span className="sc-mono">{entry.number}</span>）<br />
          {t(intros[action])}
        </Typography.Paragraph>
      ) : null}
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => run.mutate(v)} preserve={false}>
        {action === 'suspend' || action === 'reinstate' ? (
          <Form.Item name="reason" label={t('whitelistAdmin.field.reasonText')} rules={[required]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        ) : null}
        {action === 'propose_exit' ? (
          <>
            <Form.Item
              name="reason"
              label={t('whitelistAdmin.field.reason')}
              rules={[{ required: true, message: t('whitelistAdmin.propose.reasonRequired') }]}
            >
              <Select
                placeholder={t('whitelistAdmin.propose.reasonPlaceholder')}
                options={exitReasons.map((r) => ({ value: r, label: t(exitReasonKey(r)) }))}
                optionRender={(o) => <span className="sc-wla-text">{o.label}</span>}
              />
            </Form.Item>
            <Form.Item
              name="summary"
              label={t('whitelistAdmin.field.summary')}
              rules={[
                { required: true, whitespace: true, message: t('whitelistAdmin.propose.summaryRequired') },
              ]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item
              name="evidence"
              label={t('whitelistAdmin.propose.evidence')}
              extra={t('whitelistAdmin.propose.evidenceHint')}
            >
              <Select
                mode="tags"
                open={false}
                suffixIcon={null}
                maxCount={20}
                tokenSeparators={['\n', '；', ';']}
              />
            </Form.Item>
          </>
        ) : null}
        {action === 'withdraw' ? (
          <Form.Item
            name="summary"
            label={t('whitelistAdmin.withdraw.summary')}
            rules={[{ required: true, whitespace: true, message: t('whitelistAdmin.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
