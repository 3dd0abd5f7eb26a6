import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useI18n, type MessageKey } from '../../i18n';
import { EligibilityChecklist } from '../eligibility/EligibilityCard';
import { runAction, type ActionInput } from './actions';
import { useDepartments, useRefreshWhitelist } from './queries';
import type { ApplicationDetail, Opinion } from './types';
import { EstimatedWarning } from './WhitelistTags';
import { actionKey, failedConditionKeys, isStaleProblem, type OpinionAnswer } from './whitelist-logic';

interface Target {
  id: string;
  enterpriseName: string;
}

/** The message of a refusal, with the failed conditions named when the server listed them. */
export function ProblemAlert({
  error,
  conditions,
}: {
  error: unknown;
  conditions?: readonly { key: string; label: string }[];
}) {
  const { t, locale } = useI18n();
  if (!error) return null;
  const failed = failedConditionKeys(error);
  // the condition's label from the checklist on screen, with the server's reason (`errors[].field` is the key)
  const reasons = new Map(isApiProblem(error) ? error.errors.map((e) => [e.field, e.message] as const) : []);
  const labels = failed.map((k) => {
    const label = conditions?.find((c) => c.key === k)?.label ?? k;
    const reason = reasons.get(k);
    return reason ? `${label}（${reason}）` : label;
  });
  return (
    <Alert
      type="error"
      showIcon
      className="sc-wl-alert"
      title={problemMessage(error, locale)}
      description={
        labels.length > 0 ? (
          <div>
            <div>{t('whitelist.apply.failedConditions')}</div>
            <ul className="sc-wl-failed">
              {labels.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        ) : undefined
      }
    />
  );
}

/**
 * Run one action: success refreshes every white-list view and says so; a refusal stays for the caller to show,
 * and a conflict (someone acted first) refreshes what is on screen too.
 */
export function useApplicationAction(id: string, onDone?: (result: unknown, input: ActionInput) => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshWhitelist();
  return useMutation({
    mutationFn: (input: ActionInput) => runAction(id, input),
    onSuccess: (result, input) => {
      refresh();
      void message.success(t('whitelist.action.done', { action: t(actionKey(input.action)) }));
      onDone?.(result, input);
    },
    onError: (error) => {
      if (isStaleProblem(error)) refresh();
    },
  });
}

type ReasonAction = 'return' | 'reject' | 'withdraw';
const reasonLabel: Record<ReasonAction, MessageKey> = {
  return: 'whitelist.reason.return',
  reject: 'whitelist.reason.reject',
  withdraw: 'whitelist.reason.withdraw',
};
const reasonHint: Record<ReasonAction, MessageKey> = {
  return: 'whitelist.reason.returnHint',
  reject: 'whitelist.reason.rejectHint',
  withdraw: 'whitelist.reason.withdrawHint',
};

/** 退回 / 不予入库 (reason required) and 撤回 (reason optional). */
export function ReasonModal({
  target,
  action,
  onClose,
}: {
  target: Target;
  action: ReasonAction | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  const run = useApplicationAction(target.id, () => onClose());
  const required = action === 'return' || action === 'reject';
  return (
    <Modal
      open={action !== null}
      title={action ? `${t(actionKey(action))} · ${target.enterpriseName}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(actionKey(action)) : undefined}
      okButtonProps={{ loading: run.isPending, danger: true }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      afterOpenChange={(open) => (open ? null : run.reset())}
    >
      {action ? (
        <Typography.Paragraph type="secondary" className="sc-small">
          {t(reasonHint[action])}
        </Typography.Paragraph>
      ) : null}
      <ProblemAlert error={run.error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => {
          if (!action) return;
          if (action === 'withdraw') run.mutate({ action, reason: v.reason });
          else run.mutate({ action, reason: v.reason ?? '' });
        }}
      >
        <Form.Item
          name="reason"
          label={action ? t(reasonLabel[action]) : ''}
          rules={required ? [{ required: true, whitespace: true, message: t('whitelist.reason.required') }] : []}
        >
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 征求意见: pick departments; after sending, the deadline the server computed (and whether it is estimated). */
export function SolicitModal({
  target,
  open,
  current,
  onClose,
}: {
  target: Target;
  open: boolean;
  /** the departments asked before (asking again supersedes their opinions) */
  current: readonly Opinion[];
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ departmentIds: string[] }>();
  const departments = useDepartments(open);
  const [sent, setSent] = useState<ApplicationDetail | null>(null);
  const run = useApplicationAction(target.id, (result) => setSent(result as ApplicationDetail));
  const asked = current.filter((o) => o.status !== 'superseded');
  const sentOpinions = sent ? sent.opinions.filter((o) => o.status === 'pending') : [];
  const deadline = sentOpinions[0]?.deadline ?? sent?.opinionDeadline ?? null;

  const close = () => {
    setSent(null);
    run.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={`${t('whitelist.action.solicit')} · ${target.enterpriseName}`}
      onCancel={close}
      destroyOnHidden
      footer={
        sent
          ? [
              <Button key="ok" type="primary" onClick={close}>
                {t('common.ok')}
              </Button>,
            ]
          : [
              <Button key="c" onClick={close}>
                {t('common.cancel')}
              </Button>,
              <Button key="s" type="primary" loading={run.isPending} onClick={() => form.submit()}>
                {t('whitelist.solicit.send')}
              </Button>,
            ]
      }
    >
      {sent ? (
        <>
          <Alert
            type="success"
            showIcon
            className="sc-wl-alert"
            title={t('whitelist.solicit.sent', { n: sentOpinions.length })}
            description={deadline ? t('whitelist.solicit.deadline', { date: deadline }) : undefined}
          />
          <EstimatedWarning items={sentOpinions} />
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary" className="sc-small">
            {asked.length > 0 ? t('whitelist.solicit.again') : t('whitelist.solicit.intro')}
          </Typography.Paragraph>
          <ProblemAlert error={run.error} />
          {departments.isError ? (
            <Alert type="error" showIcon className="sc-wl-alert" title={problemMessage(departments.error, locale)} />
          ) : null}
          <Form
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ departmentIds: asked.map((o) => o.departmentId) }}
            onFinish={(v) => run.mutate({ action: 'solicit', departmentIds: v.departmentIds })}
          >
            <Form.Item
              name="departmentIds"
              label={t('whitelist.solicit.departments')}
              rules={[{ required: true, type: 'array', min: 1, message: t('whitelist.solicit.departmentsRequired') }]}
            >
              <Select
                mode="multiple"
                loading={departments.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('whitelist.solicit.departmentsPlaceholder')}
                options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

/** A department's answer: 同意, or 有异议 with the reason. */
export function OpinionModal({ target, open, onClose }: { target: Target; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ answer: OpinionAnswer; reason?: string }>();
  const answer = Form.useWatch('answer', form);
  const run = useApplicationAction(target.id, () => onClose());
  return (
    <Modal
      open={open}
      title={`${t('whitelist.action.opinion')} · ${target.enterpriseName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('whitelist.opinion.send')}
      okButtonProps={{ loading: run.isPending, danger: answer === 'object' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      afterOpenChange={(o) => (o ? null : run.reset())}
    >
      <ProblemAlert error={run.error} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ answer: 'agree' }}
        onFinish={(v) => run.mutate({ action: 'opinion', answer: v.answer, reason: v.reason })}
      >
        <Form.Item name="answer" label={t('whitelist.opinion.answer')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'agree', label: t('whitelist.opinion.agree') },
              { value: 'object', label: t('whitelist.opinion.object') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={answer === 'object' ? t('whitelist.opinion.reason') : t('whitelist.opinion.note')}
          extra={answer === 'object' ? t('whitelist.opinion.objectHint') : undefined}
          rules={
            answer === 'object'
              ? [{ required: true, whitespace: true, message: t('whitelist.opinion.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 提交: the enterprise checks the eligibility snapshot stored with its draft, then submits (the server judges
 * again and refuses with the failed conditions when something changed meanwhile).
 */
export function SubmitModal({
  application,
  open,
  onClose,
}: {
  application: Pick<ApplicationDetail, 'id' | 'enterpriseName' | 'eligibility' | 'status' | 'reason'> | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const run = useApplicationAction(application?.id ?? '', () => onClose());
  return (
    <Modal
      open={open && application !== null}
      title={t('whitelist.submit.title')}
      onCancel={onClose}
      onOk={() => run.mutate({ action: 'submit' })}
      okText={t('whitelist.action.submit')}
      okButtonProps={{ loading: run.isPending, disabled: application?.eligibility.eligible === false }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      afterOpenChange={(o) => (o ? null : run.reset())}
    >
      {application ? (
        <>
          <Typography.Paragraph>{t('whitelist.submit.intro', { name: application.enterpriseName })}</Typography.Paragraph>
          {application.status === 'returned' && application.reason ? (
            <Alert
              type="warning"
              showIcon
              className="sc-wl-alert"
              title={t('whitelist.card.returnedReason', { reason: application.reason })}
            />
          ) : null}
          <ProblemAlert error={run.error} conditions={application.eligibility.conditions} />
          <EligibilityChecklist eligibility={application.eligibility} />
          <Typography.Paragraph type="secondary" className="sc-small sc-wl-gap">
            {t('whitelist.submit.note')}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
