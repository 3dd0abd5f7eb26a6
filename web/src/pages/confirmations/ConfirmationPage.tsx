import { ArrowLeftOutlined, FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Progress,
  Radio,
  Result,
  Space,
  Spin,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { isApiProblem, problemMessage } from '../../api/problem';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import {
  chinaToday,
  groupByModule,
  headerActions,
  moduleLabel,
  progressOf,
  requiredSignatures,
  sections,
  signableEngineers,
  suggestedConclusion,
  unansweredCodes,
  type ConfirmationAction,
  type ConfirmationDetail,
} from './confirmations-logic';
import { StatusTag, ValidityTag } from './ConfirmationsPage';
import { ItemCard } from './ItemCard';
import { confirmationKey, confirmationsKey, documentPdfUrl, engineersKey, useConfirmation } from './queries';
import './confirmations.css';

type NoteAction = Exclude<ConfirmationAction, 'revoke'>;

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return (detail?: ConfirmationDetail) => {
    if (detail) queryClient.setQueryData(confirmationKey(id), detail);
    void queryClient.invalidateQueries({ queryKey: confirmationsKey });
    void queryClient.invalidateQueries({ queryKey: engineersKey });
  };
}

/** accept / decline / withdraw / reopen, each with an optional note. */
function NoteModal({ id, action, onClose }: { id: string; action: NoteAction | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh(id);
  const [form] = Form.useForm<{ note?: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: ({ action: a, note }: { action: NoteAction; note?: string }) =>
      call(
        api.POST(`/api/confirmations/{id}/${a}`, {
          params: { path: { id } },
          body: note?.trim() ? { note: note.trim() } : {},
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (detail, v) => {
      refresh(detail);
      void message.success(t(`confirmations.${v.action}.done`));
      form.resetFields();
      onClose();
    },
    onError: (e) => setAlert(problemMessage(e, locale)),
  });
  return (
    <Modal
      open={action !== null}
      title={action ? t(`confirmations.action.${action}`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(`confirmations.action.${action}`) : undefined}
      okButtonProps={{ loading: run.isPending, danger: action === 'decline' || action === 'withdraw' }}
      destroyOnHidden
    >
      {action ? <Typography.Paragraph type="secondary">{t(`confirmations.${action}.hint`)}</Typography.Paragraph> : null}
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => action && run.mutate({ action, note: v.note })}>
        <Form.Item
          name="note"
          label={t('confirmations.field.note')}
          rules={action === 'decline' ? [{ required: true, message: t('confirmations.decline.noteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 认定虚假确认 (bureau): reason and the penalty for the agency. */
function RevokeModal({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh(id);
  const [form] = Form.useForm<{ reason: string; penalty: 'blacklist' | 'downgrade' }>();
  const [alert, setAlert] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (body: { reason: string; penalty: 'blacklist' | 'downgrade' }) =>
      call(api.POST('/api/confirmations/{id}/revoke', { params: { path: { id } }, body: { ...body, reason: body.reason.trim() } })),
    onMutate: () => setAlert(null),
    onSuccess: (detail) => {
      refresh(detail);
      void message.success(t('confirmations.revoke.done'));
      onClose();
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, ['reason', 'penalty'])),
  });
  return (
    <Modal
      open={open}
      title={t('confirmations.action.revoke')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('confirmations.revoke.submit')}
      okButtonProps={{ loading: run.isPending, danger: true }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon className="sc-form-alert" title={t('confirmations.revoke.hint')} />
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form form={form} layout="vertical" initialValues={{ penalty: 'downgrade' }} onFinish={(v) => run.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('confirmations.revoke.reason')}
          rules={[{ required: true, whitespace: true, message: t('confirmations.revoke.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
        <Form.Item name="penalty" label={t('confirmations.revoke.penalty')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'downgrade', label: t('confirmations.penalty.downgrade') },
              { value: 'blacklist', label: t('confirmations.penalty.blacklist') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ConcludeValues {
  conclusion: 'confirmed' | 'not_confirmed';
  siteVisitDate: Dayjs;
  note?: string;
}

/** Conclude: conclusion, site visit date (not in the future), note; refusals name the unchecked items. */
function ConcludeCard({ detail, onProblems }: { detail: ConfirmationDetail; onProblems: (codes: string[]) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefresh(detail.id);
  const [form] = Form.useForm<ConcludeValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const progress = progressOf(detail.items);
  const run = useMutation({
    mutationFn: (v: ConcludeValues) =>
      call(
        api.POST('/api/confirmations/{id}/conclude', {
          params: { path: { id: detail.id } },
          body: {
            conclusion: v.conclusion,
            siteVisitDate: v.siteVisitDate.format('YYYY-MM-DD'),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      ),
    onMutate: () => {
      setAlert(null);
      onProblems([]);
    },
    onSuccess: (d) => {
      refresh(d);
      void message.success(t('confirmations.conclude.done'));
    },
    onError: (e) => {
      const codes = unansweredCodes(e);
      onProblems(codes);
      if (codes.length > 0) document.getElementById(`item-${codes[0]}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      setAlert(
        isApiProblem(e) && e.code === 'CONFIRMATION_ITEM_UNANSWERED'
          ? `${problemMessage(e, locale)}（${codes.join('、')}）`
          : applyProblemToForm(form, e, locale, ['conclusion', 'siteVisitDate', 'note']),
      );
    },
  });
  return (
    <Card title={t('confirmations.conclude.title')} className="sc-cf-section">
      <Typography.Paragraph type="secondary">
        {t('confirmations.conclude.progress', { done: progress.done, total: progress.total, failed: progress.nonCompliant })}
      </Typography.Paragraph>
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<ConcludeValues>
        form={form}
        layout="vertical"
        initialValues={{ conclusion: suggestedConclusion(detail.items), siteVisitDate: dayjs(chinaToday()) }}
        onFinish={(v) => run.mutate(v)}
      >
        <Form.Item name="conclusion" label={t('confirmations.field.conclusion')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            options={[
              { value: 'confirmed', label: t('confirmations.conclusion.confirmed') },
              { value: 'not_confirmed', label: t('confirmations.conclusion.not_confirmed') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="siteVisitDate"
          label={t('confirmations.field.siteVisitDate')}
          rules={[{ required: true, message: t('confirmations.conclude.siteVisitRequired') }]}
        >
          <DatePicker
            inputReadOnly
            disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()}
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
        <Form.Item name="note" label={t('confirmations.field.conclusionNote')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Typography.Paragraph type="secondary" className="sc-small">
          {t('confirmations.conclude.hint')}
        </Typography.Paragraph>
        <Button type="primary" size="large" htmlType="submit" loading={run.isPending} className="sc-cf-wide">
          {t('confirmations.conclude.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The engineers' signatures so far, and "sign as engineer X" for the signed-in user's own engineer records. */
function SignaturesCard({ detail }: { detail: ConfirmationDetail }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const refresh = useRefresh(detail.id);
  const sign = useMutation({
    mutationFn: (engineerId: string) =>
      call(api.POST('/api/confirmations/{id}/sign', { params: { path: { id: detail.id } }, body: { engineerId } })),
    onSuccess: (d) => {
      refresh(d);
      void message.success(d.status === 'signing' ? t('confirmations.sign.done') : t('confirmations.sign.completed'));
    },
    onError: (e) => void message.error(problemMessage(e, locale)),
  });
  const mine = signableEngineers(detail);
  return (
    <Card
      title={t('confirmations.signatures.title', { n: detail.signatures.length, of: requiredSignatures })}
      className="sc-cf-section"
    >
      <List
        dataSource={detail.signatures}
        locale={{ emptyText: t('confirmations.signatures.none') }}
        renderItem={(s) => (
          <List.Item>
            <List.Item.Meta
              avatar={<SafetyCertificateOutlined className="sc-cf-sign-icon" />}
              title={s.name}
              description={t('confirmations.signatures.line', { certificate: s.certificateNumber, date: s.signedOn })}
            />
          </List.Item>
        )}
      />
      {detail.status === 'signing' && detail.signatures.length < requiredSignatures ? (
        <Typography.Paragraph type="secondary">{t('confirmations.signatures.waiting')}</Typography.Paragraph>
      ) : null}
      {mine.length > 0 ? (
        <Space direction="vertical" className="sc-cf-wide">
          {mine.map((e) => (
            <Button
              key={e.id}
              type="primary"
              size="large"
              block
              icon={<SafetyCertificateOutlined />}
              loading={sign.isPending && sign.variables === e.id}
              onClick={() =>
                modal.confirm({
                  title: t('confirmations.sign.confirmTitle'),
                  content: t('confirmations.sign.confirmText', {
                    name: e.name,
                    certificate: e.certificateNumber,
                    conclusion: detail.conclusion ? t(`confirmations.conclusion.${detail.conclusion as 'confirmed' | 'not_confirmed'}`) : '',
                  }),
                  okText: t('confirmations.sign.ok'),
                  onOk: () => sign.mutateAsync(e.id).catch(() => undefined),
                })
              }
            >
              {t('confirmations.sign.as', { name: e.name, certificate: e.certificateNumber })}
            </Button>
          ))}
        </Space>
      ) : detail.abilities.sign && detail.myEngineers.length === 0 ? (
        <Typography.Text type="secondary" className="sc-small">
          {t('confirmations.sign.notEngineer')}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/** 第三方确认 detail: parties and status, the actions the server allows, the form, the conclusion, signatures, report. */
export default function ConfirmationPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const q = useConfirmation(id);
  const [noteAction, setNoteAction] = useState<NoteAction | null>(null);
  const [revoking, setRevoking] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  if (q.isPending) return <Spin className="sc-cf-spin" />;
  if (q.isError) {
    return (
      <Result
        status="warning"
        title={problemMessage(q.error, locale)}
        extra={
          <Link to="/confirmations">
            <Button>{t('confirmations.back')}</Button>
          </Link>
        }
      />
    );
  }
  const d = q.data;
  const show = sections(d);
  const progress = progressOf(d.items);
  const actions = headerActions(d.abilities);
  const conclusionText = d.conclusion ? t(`confirmations.conclusion.${d.conclusion as 'confirmed' | 'not_confirmed'}`) : null;

  return (
    <Space direction="vertical" size="middle" className="sc-cf-page">
      <Card
        title={
          <Space wrap>
            <Link to="/confirmations" aria-label={t('confirmations.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span>{t('confirmations.detail.title')}</span>
            <StatusTag status={d.status} />
            <ValidityTag c={d} />
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'e', label: t('confirmations.field.enterprise'), children: d.enterpriseName },
            { key: 'a', label: t('confirmations.field.agency'), children: d.agencyName },
            { key: 's', label: t('confirmations.field.standard'), children: `${d.standardTitle} ${d.versionNumber}` },
            { key: 'r', label: t('confirmations.field.requestedAt'), children: formatDateTime(d.requestedAt) },
            ...(d.validUntil
              ? [{ key: 'v', label: t('confirmations.field.validUntil'), children: d.validUntil }]
              : []),
            ...(d.documentId
              ? [
                  {
                    key: 'doc',
                    label: t('confirmations.field.report'),
                    children: (
                      <a href={documentPdfUrl(d.documentId)} target="_blank" rel="noopener">
                        <FilePdfOutlined /> {d.documentNumber ?? t('confirmations.report.open')}
                      </a>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {d.state === 'lapsed' ? (
          <Alert type="warning" showIcon className="sc-cf-alert" title={t('confirmations.lapsed.hint')} />
        ) : null}
        {d.status === 'revoked' ? (
          <Alert
            type="error"
            showIcon
            className="sc-cf-alert"
            title={t('confirmations.revoked.title')}
            description={d.revokedReason ?? undefined}
          />
        ) : null}
        {actions.length > 0 ? (
          <div className="sc-cf-actions">
            {actions.map((a) => (
              <Button
                key={a}
                size="large"
                type={a === 'accept' ? 'primary' : 'default'}
                danger={a === 'decline' || a === 'withdraw' || a === 'revoke'}
                onClick={() => (a === 'revoke' ? setRevoking(true) : setNoteAction(a))}
              >
                {t(`confirmations.action.${a}`)}
              </Button>
            ))}
          </div>
        ) : null}
      </Card>

      {show.conclusion ? (
        <Card title={t('confirmations.conclusion.title')} className="sc-cf-section">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'c', label: t('confirmations.field.conclusion'), children: conclusionText },
              { key: 'v', label: t('confirmations.field.siteVisitDate'), children: d.siteVisitDate ?? '—' },
              { key: 'n', label: t('confirmations.field.conclusionNote'), children: d.conclusionNote || '—' },
              ...(d.concludedAt
                ? [{ key: 'at', label: t('confirmations.field.concludedAt'), children: formatDateTime(d.concludedAt) }]
                : []),
            ]}
          />
        </Card>
      ) : null}

      {show.signatures ? <SignaturesCard detail={d} /> : null}

      <Card
        title={t('confirmations.items.title')}
        className="sc-cf-section"
        extra={
          <Typography.Text type="secondary">
            {t('confirmations.items.progress', { done: progress.done, total: progress.total })}
          </Typography.Text>
        }
      >
        <Progress
          percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
          size="small"
          status={progress.nonCompliant > 0 ? 'exception' : undefined}
        />
        {d.status === 'requested' ? (
          <Typography.Paragraph type="secondary">{t('confirmations.items.beforeAccept')}</Typography.Paragraph>
        ) : null}
        {d.items.length === 0 ? <Empty description={t('confirmations.items.none')} /> : null}
        {groupByModule(d.items).map((g) => (
          <section key={g.module} className="sc-cf-module">
            <Typography.Title level={5}>{moduleLabel(g.module, locale)}</Typography.Title>
            <div className="sc-cf-items">
              {g.items.map((item) => (
                <ItemCard
                  key={item.itemCode}
                  confirmationId={d.id}
                  item={item}
                  editable={show.editable}
                  problem={problems.includes(item.itemCode)}
                />
              ))}
            </div>
          </section>
        ))}
      </Card>

      {show.conclude ? <ConcludeCard detail={d} onProblems={setProblems} /> : null}

      <NoteModal id={d.id} action={noteAction} onClose={() => setNoteAction(null)} />
      <RevokeModal id={d.id} open={revoking} onClose={() => setRevoking(false)} />
    </Space>
  );
}
