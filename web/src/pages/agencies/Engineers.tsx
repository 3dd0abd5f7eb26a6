/**
 * 注册安全工程师: the list (table on desktop, cards on a phone) with the actions the server allows on each record
 * (edit; approve / reject / revoke for the bureau), the add/edit form, the review note form, and an agency's
 * confirmation record (评价). Used by the agency's engineers page, the bureau's queue and the agency detail.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { applyProblemToForm } from '../../components/form-problem';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import {
  certificateValid,
  chinaToday,
  engineerLevelKey,
  engineerLevels,
  engineerStatusColor,
  engineerStatusKey,
  type Engineer,
} from '../confirmations/confirmations-logic';
import { engineersKey, useAgencyRecord } from '../confirmations/queries';
import './engineers.css';

type Review = 'approve' | 'reject' | 'revoke';

interface EngineerValues {
  name: string;
  certificateNumber: string;
  level: Engineer['level'];
  speciality?: string;
  validity: [Dayjs, Dayjs];
  userId?: string | null;
}

const fieldNames = ['name', 'certificateNumber', 'level', 'speciality', 'validity', 'userId'];

/** Add an engineer to an agency (`agencyId`) or edit one (`engineer`); an agency's change waits for approval again. */
export function EngineerModal({
  open,
  agencyId,
  engineer,
  onClose,
}: {
  open: boolean;
  agencyId?: string;
  engineer?: Engineer | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const access = useAccess();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EngineerValues>();
  const [alert, setAlert] = useState<string | null>(null);
  // the agency's own logins (GET /api/agencies/{id}/users answers the agency and the bureau); an engineer signs as one
  const ownerAgencyId = agencyId ?? engineer?.agencyId;
  const agencyUsers = useQuery({
    queryKey: ['agency-users', ownerAgencyId],
    enabled: open && ownerAgencyId !== undefined,
    retry: false,
    queryFn: () => call(api.GET('/api/agencies/{id}/users', { params: { path: { id: ownerAgencyId! } } })),
  });
  const canPickUser = agencyUsers.isSuccess;

  useEffect(() => {
    if (!open) return;
    setAlert(null);
    form.setFieldsValue(
      engineer
        ? {
            name: engineer.name,
            certificateNumber: engineer.certificateNumber,
            level: engineer.level,
            speciality: engineer.speciality,
            validity: [dayjs(engineer.validFrom), dayjs(engineer.validTo)],
            userId: engineer.userId,
          }
        : { level: 'intermediate' },
    );
  }, [open, engineer, form]);

  const save = useMutation({
    mutationFn: (v: EngineerValues) => {
      const body = {
        name: v.name.trim(),
        certificateNumber: v.certificateNumber.trim(),
        level: v.level,
        speciality: v.speciality?.trim() ?? '',
        validFrom: v.validity[0].format('YYYY-MM-DD'),
        validTo: v.validity[1].format('YYYY-MM-DD'),
        // only someone who can list users picks one; others keep what is linked
        ...(canPickUser ? { userId: v.userId ?? null } : engineer ? { userId: engineer.userId } : {}),
      };
      return engineer
        ? call(api.PATCH('/api/engineers/{id}', { params: { path: { id: engineer.id } }, body }))
        : call(api.POST('/api/agencies/{id}/engineers', { params: { path: { id: agencyId! } }, body }));
    },
    onMutate: () => setAlert(null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: engineersKey });
      void message.success(saved.status === 'pending' ? t('engineers.saved.pending') : t('common.saved'));
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      // the dates come back as validFrom / validTo: show them on the range
      const left = applyProblemToForm(form, e, locale, fieldNames);
      setAlert(left);
    },
  });

  return (
    <Modal
      open={open}
      title={engineer ? t('engineers.edit.title') : t('engineers.add.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      {engineer?.status === 'approved' && !access.abilities.manageAgencies ? (
        <Alert type="info" showIcon className="sc-form-alert" title={t('engineers.edit.reapproval')} />
      ) : null}
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<EngineerValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label={t('engineers.field.name')}
          rules={[{ required: true, whitespace: true, message: t('engineers.field.required') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="certificateNumber"
          label={t('engineers.field.certificateNumber')}
          rules={[{ required: true, whitespace: true, message: t('engineers.field.required') }]}
        >
          <Input maxLength={50} className="sc-mono" />
        </Form.Item>
        <Form.Item name="level" label={t('engineers.field.level')} rules={[{ required: true }]}>
          <Select options={engineerLevels.map((l) => ({ value: l, label: t(engineerLevelKey(l)) }))} />
        </Form.Item>
        <Form.Item name="speciality" label={t('engineers.field.speciality')}>
          <Input maxLength={100} placeholder={t('engineers.field.specialityPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="validity"
          label={t('engineers.field.validity')}
          rules={[{ required: true, message: t('engineers.field.validityRequired') }]}
        >
          <DatePicker.RangePicker inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        {canPickUser ? (
          <Form.Item name="userId" label={t('engineers.field.user')} extra={t('engineers.field.userHint')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('engineers.field.userPlaceholder')}
              options={(agencyUsers.data ?? []).map((u) => ({
                value: u.id,
                label: `${u.displayName}（${u.username}）`,
              }))}
            />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary" className="sc-small">
            {engineer?.userId ? t('engineers.field.userLinked') : t('engineers.field.userByAdmin')}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}

/** approve / reject / revoke with a note (required to reject or revoke). */
function ReviewModal({
  target,
  onClose,
}: {
  target: { engineer: Engineer; review: Review } | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: ({ id, review, note }: { id: string; review: Review; note?: string }) =>
      call(
        api.POST(`/api/engineers/{id}/${review}`, {
          params: { path: { id } },
          body: note?.trim() ? { note: note.trim() } : {},
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (_d, v) => {
      void queryClient.invalidateQueries({ queryKey: engineersKey });
      void message.success(t(`engineers.${v.review}.done`));
      form.resetFields();
      onClose();
    },
    onError: (e) => setAlert(problemMessage(e, locale)),
  });
  const review = target?.review;
  return (
    <Modal
      open={target !== null}
      title={review ? `${t(`engineers.action.${review}`)}：${target?.engineer.name}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={review ? t(`engineers.action.${review}`) : undefined}
      okButtonProps={{ loading: run.isPending, danger: review !== 'approve' }}
      destroyOnHidden
    >
      {target ? (
        <Typography.Paragraph type="secondary">
          {target.engineer.agencyName} · {target.engineer.certificateNumber} ·{' '}
          {t('engineers.validity', { from: target.engineer.validFrom, to: target.engineer.validTo })}
        </Typography.Paragraph>
      ) : null}
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          target && run.mutate({ id: target.engineer.id, review: target.review, note: v.note })
        }
      >
        <Form.Item
          name="note"
          label={t('engineers.field.reviewNote')}
          rules={
            review === 'approve'
              ? []
              : [{ required: true, whitespace: true, message: t('engineers.field.reviewNoteRequired') }]
          }
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EngineerStatusTag({ engineer }: { engineer: Pick<Engineer, 'status'> }) {
  const { t } = useI18n();
  return <Tag color={engineerStatusColor[engineer.status]}>{t(engineerStatusKey(engineer.status))}</Tag>;
}

/** Engineers as a table (desktop) or cards (phone), each with the actions its `abilities` allow. */
export function EngineerList({
  engineers,
  loading,
  showAgency,
  empty,
}: {
  engineers: readonly Engineer[];
  loading: boolean;
  showAgency?: boolean;
  empty?: string;
}) {
  const { t } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const [editing, setEditing] = useState<Engineer | null>(null);
  const [reviewing, setReviewing] = useState<{ engineer: Engineer; review: Review } | null>(null);
  const today = chinaToday();

  const certificate = (e: Engineer) => (
    <Space direction="vertical" size={0}>
      <span className="sc-mono">{e.certificateNumber}</span>
      <Typography.Text type={certificateValid(e, today) ? 'secondary' : 'danger'} className="sc-small">
        {t('engineers.validity', { from: e.validFrom, to: e.validTo })}
        {certificateValid(e, today) ? '' : ` · ${t('engineers.certificateInvalid')}`}
      </Typography.Text>
    </Space>
  );
  const review = (e: Engineer): ReactNode =>
    e.reviewNote || e.reviewedAt ? (
      <Typography.Text type="secondary" className="sc-small">
        {e.reviewNote ? t('engineers.reviewNote', { note: e.reviewNote }) : ''}
        {e.reviewedAt ? ` (${formatDateTime(e.reviewedAt)})` : ''}
      </Typography.Text>
    ) : null;
  const actions = (e: Engineer) => (
    <Space size={0} wrap>
      {e.abilities.edit ? (
        <Button type="link" size="small" onClick={() => setEditing(e)}>
          {t('common.edit')}
        </Button>
      ) : null}
      {(['approve', 'reject', 'revoke'] as const)
        .filter((r) => e.abilities[r])
        .map((r) => (
          <Button
            key={r}
            type="link"
            size="small"
            danger={r !== 'approve'}
            onClick={() => setReviewing({ engineer: e, review: r })}
          >
            {t(`engineers.action.${r}`)}
          </Button>
        ))}
    </Space>
  );
  const name = (e: Engineer) => (
    <Space size={4} wrap>
      <Typography.Text strong>{e.name}</Typography.Text>
      {e.isMe ? <Tag color="blue">{t('engineers.me')}</Tag> : null}
    </Space>
  );

  const columns: TableColumnsType<Engineer> = [
    { title: t('engineers.field.name'), key: 'name', render: (_, e) => name(e) },
    ...(showAgency
      ? [
          {
            title: t('engineers.field.agency'),
            key: 'agency',
            render: (_: unknown, e: Engineer) => <Link to={`/agencies/${e.agencyId}`}>{e.agencyName}</Link>,
          },
        ]
      : []),
    { title: t('engineers.field.certificateNumber'), key: 'cert', render: (_, e) => certificate(e) },
    {
      title: t('engineers.field.level'),
      key: 'level',
      render: (_, e) => `${t(engineerLevelKey(e.level))}${e.speciality ? ` · ${e.speciality}` : ''}`,
    },
    {
      title: t('engineers.field.status'),
      key: 'status',
      render: (_, e) => (
        <Space direction="vertical" size={0}>
          <EngineerStatusTag engineer={e} />
          {review(e)}
        </Space>
      ),
    },
    { title: t('common.actions'), key: 'actions', render: (_, e) => actions(e) },
  ];

  return (
    <>
      {compact ? (
        <List
          loading={loading}
          dataSource={[...engineers]}
          locale={{ emptyText: empty ?? t('engineers.empty') }}
          renderItem={(e) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  {name(e)}
                  <EngineerStatusTag engineer={e} />
                </Space>
                {showAgency ? <Link to={`/agencies/${e.agencyId}`}>{e.agencyName}</Link> : null}
                {certificate(e)}
                <Typography.Text type="secondary" className="sc-small">
                  {t(engineerLevelKey(e.level))}
                  {e.speciality ? ` · ${e.speciality}` : ''}
                </Typography.Text>
                {review(e)}
                {actions(e)}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<Engineer>
          rowKey="id"
          size="small"
          columns={columns}
          loading={loading}
          dataSource={[...engineers]}
          locale={{ emptyText: empty ?? t('engineers.empty') }}
          pagination={engineers.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        />
      )}
      <EngineerModal open={editing !== null} engineer={editing} onClose={() => setEditing(null)} />
      <ReviewModal target={reviewing} onClose={() => setReviewing(null)} />
    </>
  );
}

/** An agency's confirmation record (评价): confirmations, false ones, contradicting findings, per engineer. */
export function AgencyRecordCard({ agencyId, title }: { agencyId: string; title?: ReactNode }) {
  const { t, locale } = useI18n();
  const record = useAgencyRecord(agencyId);
  const r = record.data;
  return (
    <Card title={title ?? t('engineers.record.title')} loading={record.isPending}>
      {record.isError ? <Alert type="error" showIcon title={problemMessage(record.error, locale)} /> : null}
      {r ? (
        <>
          <div className="sc-eng-stats">
            <Statistic title={t('engineers.record.confirmed')} value={r.confirmed} />
            <Statistic title={t('engineers.record.notConfirmed')} value={r.notConfirmed} />
            <Statistic
              title={t('engineers.record.falseConfirmations')}
              value={r.falseConfirmations}
              styles={{ content: r.falseConfirmations > 0 ? { color: '#cf1322' } : undefined }}
            />
            <Statistic title={t('engineers.record.contradicting')} value={r.contradictingFindings} />
          </div>
          <Table
            rowKey="engineerId"
            size="small"
            pagination={false}
            dataSource={r.engineers}
            locale={{ emptyText: t('engineers.record.noEngineers') }}
            columns={[
              { title: t('engineers.field.name'), dataIndex: 'name' },
              { title: t('engineers.record.signed'), dataIndex: 'signed' },
              {
                title: t('engineers.record.falseConfirmations'),
                dataIndex: 'falseConfirmations',
                render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
              },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
