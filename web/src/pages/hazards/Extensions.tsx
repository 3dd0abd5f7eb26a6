import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { EvidenceGallery } from './Evidence';
import { ExtensionStatusTag } from './HazardTags';
import { chinaToday, decisionPdfUrl, extensionActions, type Extension } from './hazards-logic';
import { hazardsKey } from './queries';

type Decision = 'approve' | 'refuse';

/** Approve (new deadline defaulting to the requested one, opinion) or refuse (reason required). */
export function DecideModal({
  extension,
  decision,
  onClose,
}: {
  extension: Extension | null;
  decision: Decision | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ approvedDeadline?: Dayjs; reason?: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (v: { approvedDeadline?: Dayjs; reason?: string }) => {
      const path = { params: { path: { id: extension!.id } } };
      return decision === 'approve'
        ? call(
            api.POST('/api/extension-requests/{id}/approve', {
              ...path,
              body: {
                approvedDeadline: v.approvedDeadline?.format('YYYY-MM-DD'),
                reason: v.reason?.trim() || undefined,
              },
            }),
          )
        : call(
            api.POST('/api/extension-requests/{id}/refuse', { ...path, body: { reason: v.reason!.trim() } }),
          );
    },
    onMutate: () => setAlert(null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: hazardsKey });
      void message.success(
        t(decision === 'approve' ? 'extensions.approve.done' : 'extensions.refuse.done', {
          number: saved.documentNumber ?? '',
        }),
      );
      onClose();
    },
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, ['approvedDeadline', 'reason'])),
  });
  const open = extension !== null && decision !== null;
  return (
    <Modal
      open={open}
      title={decision === 'approve' ? t('extensions.approve.title') : t('extensions.refuse.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={decision === 'approve' ? t('extensions.action.approve') : t('extensions.action.refuse')}
      okButtonProps={{ loading: decide.isPending, danger: decision === 'refuse' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {extension ? (
        <Typography.Paragraph type="secondary" className="sc-small">
          {extension.enterpriseName} · {extension.hazardTitle}
          <br />
          {t('extensions.deadlineChange', {
            from: extension.deadlineAtRequest,
            to: extension.requestedDeadline,
          })}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary" className="sc-small">
        {t('extensions.decide.documentHint')}
      </Typography.Paragraph>
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          decision === 'approve' && extension ? { approvedDeadline: dayjs(extension.requestedDeadline) } : {}
        }
        onFinish={(v) => decide.mutate(v)}
      >
        {decision === 'approve' ? (
          <Form.Item
            name="approvedDeadline"
            label={t('extensions.field.approvedDeadline')}
            extra={t('extensions.approve.deadlineHint')}
            rules={[{ required: true, message: t('extensions.form.deadlineRequired') }]}
          >
            <DatePicker
              className="sc-full-width"
              inputReadOnly
              disabledDate={(d) =>
                d.format('YYYY-MM-DD') < chinaToday() ||
                (extension !== null && d.format('YYYY-MM-DD') <= extension.deadlineAtRequest)
              }
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={decision === 'approve' ? t('extensions.field.opinion') : t('extensions.refuse.reason')}
          rules={
            decision === 'refuse'
              ? [{ required: true, whitespace: true, message: t('extensions.refuse.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The decision document of a decided request (opens the PDF). */
export function DecisionDocLink({
  extension,
}: {
  extension: Pick<Extension, 'documentId' | 'documentNumber'>;
}) {
  const { t } = useI18n();
  if (!extension.documentId) return null;
  return (
    <Button
      type="link"
      size="small"
      icon={<FilePdfOutlined />}
      href={decisionPdfUrl(extension.documentId)}
      target="_blank"
      rel="noopener"
      className="sc-hz-doc-link"
    >
      {extension.documentNumber ?? t('extensions.document')}
    </Button>
  );
}

/**
 * One extension request: what was asked (deadline, reason, interim controls, evidence), the decision with its
 * document, and the actions its abilities allow (approve / refuse for the subdistrict, withdraw for the enterprise).
 */
export function ExtensionCard({
  extension: x,
  showHazard = true,
  onDecide,
}: {
  extension: Extension;
  showHazard?: boolean;
  onDecide: (x: Extension, decision: Decision) => void;
}) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () =>
      call(api.POST('/api/extension-requests/{id}/withdraw', { params: { path: { id: x.id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: hazardsKey });
      void message.success(t('extensions.withdraw.done'));
    },
    onError: (error) => void message.error(problemMessage(error, locale)),
  });
  const actions = extensionActions(x);
  return (
    <Card
      size="small"
      className="sc-hz-ext"
      title={
        <Space size={[8, 4]} wrap>
          <ExtensionStatusTag status={x.status} />
          {showHazard ? (
            <Link to={`/extension-requests/${x.id}`}>{x.hazardTitle}</Link>
          ) : (
            <Link to={`/extension-requests/${x.id}`}>
              {t('extensions.requestedAt', { time: formatDateTime(x.requestedAt) })}
            </Link>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          ...(showHazard
            ? [
                { key: 'ent', label: t('hazards.field.enterprise'), children: x.enterpriseName },
                {
                  key: 'hz',
                  label: t('extensions.field.hazard'),
                  children: <Link to={`/hazards/${x.hazardId}`}>{x.hazardTitle}</Link>,
                },
                {
                  key: 'at',
                  label: t('extensions.field.requestedAt'),
                  children: formatDateTime(x.requestedAt),
                },
              ]
            : []),
          {
            key: 'dl',
            label: t('extensions.field.requestedDeadline'),
            children: t('extensions.deadlineChange', { from: x.deadlineAtRequest, to: x.requestedDeadline }),
          },
          {
            key: 'reason',
            label: t('extensions.field.reason'),
            children: <span className="sc-hz-note">{x.reason}</span>,
          },
          {
            key: 'ic',
            label: t('extensions.field.interimControls'),
            children: <span className="sc-hz-note">{x.interimControls}</span>,
          },
          ...(x.evidence.length > 0
            ? [
                {
                  key: 'ev',
                  label: t('extensions.field.evidence'),
                  children: <EvidenceGallery files={x.evidence} />,
                },
              ]
            : []),
          ...(x.status === 'approved' || x.status === 'refused'
            ? [
                {
                  key: 'decision',
                  label: t('extensions.field.decision'),
                  children: (
                    <div className="sc-stack">
                      <span>
                        {x.status === 'approved'
                          ? t('extensions.approvedUntil', { date: x.approvedDeadline ?? x.requestedDeadline })
                          : t('extensions.status.refused')}
                        {x.decidedAt ? ` · ${formatDateTime(x.decidedAt)}` : ''}
                      </span>
                      {x.decisionReason ? <span className="sc-hz-note">{x.decisionReason}</span> : null}
                      <DecisionDocLink extension={x} />
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      {actions.length > 0 ? (
        <div className="sc-hz-actions sc-hz-ext-actions">
          {actions.includes('approve') ? (
            <Button type="primary" onClick={() => onDecide(x, 'approve')}>
              {t('extensions.action.approve')}
            </Button>
          ) : null}
          {actions.includes('refuse') ? (
            <Button danger onClick={() => onDecide(x, 'refuse')}>
              {t('extensions.action.refuse')}
            </Button>
          ) : null}
          {actions.includes('withdraw') ? (
            <Button
              loading={withdraw.isPending}
              onClick={() =>
                modal.confirm({
                  title: t('extensions.withdraw.confirm'),
                  okText: t('extensions.action.withdraw'),
                  cancelText: t('common.cancel'),
                  onOk: () => withdraw.mutateAsync(),
                })
              }
            >
              {t('extensions.action.withdraw')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
