import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Dropdown,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useAccess } from '../../auth/session';
import { applyProblemToForm } from '../../components/form-problem';
import { useSearchState } from '../../components/use-search-state';
import { useI18n } from '../../i18n';
import { agencyStatusColor, agencyStatusText, kindText } from './labels';
import { agenciesKey, useAgencies, useGradeScale, type Agency } from './queries';

interface AgencyValues {
  name: string;
  uscc: string;
  kinds: Agency['kinds'];
  grade?: string | null;
  gradeValidUntil?: Dayjs | null;
  contactName?: string | null;
  contactPhone?: string | null;
  address?: string | null;
}

const fields = ['name', 'uscc', 'kinds', 'grade', 'gradeValidUntil', 'contactName', 'contactPhone', 'address'] as const;
const kinds = ['confirmation', 'social_service'] as const;
const statuses = ['active', 'suspended', 'blacklisted'] as const;
type StatusMove = 'suspend' | 'reinstate' | 'blacklist';

function AgencyDrawer({ agency, open, onClose }: { agency: Agency | null; open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<AgencyValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const scale = useGradeScale();
  useEffect(() => {
    if (open) setAlert(null);
  }, [open]);
  const save = useMutation({
    mutationFn: (v: AgencyValues) => {
      const body = {
        name: v.name.trim(),
        uscc: v.uscc.trim(),
        kinds: v.kinds,
        grade: v.grade || null,
        gradeValidUntil: v.gradeValidUntil ? v.gradeValidUntil.format('YYYY-MM-DD') : null,
        contactName: v.contactName?.trim() || null,
        contactPhone: v.contactPhone?.trim() || null,
        address: v.address?.trim() || null,
      };
      return agency
        ? call(api.PATCH('/api/agencies/{id}', { params: { path: { id: agency.id } }, body }))
        : call(api.POST('/api/agencies', { body }));
    },
    onMutate: () => setAlert(null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: agenciesKey });
      void message.success(agency ? t('common.saved') : t('agencies.created', { name: saved?.name ?? '' }));
      onClose();
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, fields)),
  });
  return (
    <Drawer
      title={agency ? t('agencies.edit.title', { name: agency.name }) : t('agencies.create.title')}
      open={open}
      onClose={onClose}
      size={compact ? '100%' : 520}
      destroyOnHidden
      footer={
        <Space className="sc-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {agency ? t('common.save') : t('agencies.create.submit')}
          </Button>
        </Space>
      }
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<AgencyValues>
        form={form}
        layout="vertical"
        initialValues={
          agency
            ? { ...agency, gradeValidUntil: agency.gradeValidUntil ? dayjs(agency.gradeValidUntil) : null }
            : { kinds: ['social_service'] }
        }
        onFinish={(v) => save.mutate(v)}
        disabled={save.isPending}
      >
        <Form.Item name="name" label={t('agencies.field.name')} rules={[{ required: true, whitespace: true, message: t('agencies.field.nameRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="uscc" label={t('agencies.field.uscc')} rules={[{ required: true, whitespace: true, message: t('agencies.field.usccRequired') }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="kinds" label={t('agencies.field.kinds')} rules={[{ required: true, type: 'array', min: 1, message: t('agencies.field.kindsRequired') }]}>
          <Checkbox.Group options={kinds.map((k) => ({ value: k, label: kindText(k, locale) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="grade" label={t('agencies.field.grade')}>
            <Select
              allowClear
              style={{ minWidth: 120 }}
              loading={scale.isPending}
              options={(scale.data?.grades ?? []).map((g) => ({ value: g, label: g }))}
            />
          </Form.Item>
          <Form.Item name="gradeValidUntil" label={t('agencies.field.gradeValidUntil')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="contactName" label={t('agencies.field.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('agencies.field.contactPhone')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="address" label={t('agencies.field.address')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function StatusModal({ target, onClose }: { target: { agency: Agency; move: StatusMove } | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const run = useMutation({
    mutationFn: () => {
      const params = { path: { id: target!.agency.id } };
      const body = reason.trim() ? { reason: reason.trim() } : {};
      if (target!.move === 'suspend') return call(api.POST('/api/agencies/{id}/suspend', { params, body }));
      if (target!.move === 'reinstate') return call(api.POST('/api/agencies/{id}/reinstate', { params, body }));
      return call(api.POST('/api/agencies/{id}/blacklist', { params, body }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agenciesKey });
      void message.success(t('common.saved'));
      setReason('');
      onClose();
    },
    onError: (e) => void message.error(problemMessage(e, locale)),
  });
  return (
    <Modal
      open={target !== null}
      title={target ? t(`agencies.action.${target.move}.confirm`, { name: target.agency.name }) : ''}
      onCancel={onClose}
      onOk={() => run.mutate()}
      okButtonProps={{ danger: target?.move !== 'reinstate', loading: run.isPending }}
      destroyOnHidden
    >
      {target?.move === 'blacklist' ? <Alert type="warning" showIcon title={t('agencies.action.blacklist.warning')} className="sc-form-alert" /> : null}
      <Typography.Text>{t('agencies.reason')}</Typography.Text>
      <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}

/** 服务机构名录 (bureau): the agencies of the jurisdiction, their grades and status. */
export default function AgenciesPage() {
  const { t, locale } = useI18n();
  const access = useAccess();
  const compact = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchState(['q', 'kind', 'status', 'page'] as const);
  const page = Number(search.page ?? '1') || 1;
  const list = useAgencies({
    q: search.q || undefined,
    kind: (kinds as readonly string[]).includes(search.kind ?? '') ? (search.kind as Agency['kinds'][number]) : undefined,
    status: (statuses as readonly string[]).includes(search.status ?? '') ? (search.status as Agency['status']) : undefined,
    page,
    pageSize: 20,
  });
  const [editing, setEditing] = useState<Agency | null>(null);
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState<{ agency: Agency; move: StatusMove } | null>(null);

  const statusTag = (a: Agency) => <Tag color={agencyStatusColor[a.status]}>{agencyStatusText(a.status, locale)}</Tag>;
  const grade = (a: Agency) =>
    a.grade ? `${a.grade}${a.gradeValidUntil ? ` · ${t('agencies.validUntil', { date: a.gradeValidUntil })}` : ''}` : '—';
  const actions = (a: Agency) => {
    const moves = (['suspend', 'reinstate', 'blacklist'] as const).filter((m) => a.abilities[m]);
    return (
      <Space size={0} wrap>
        {a.abilities.update ? (
          <Button type="link" size="small" onClick={() => setEditing(a)}>
            {t('common.edit')}
          </Button>
        ) : null}
        {moves.length > 0 ? (
          <Dropdown
            menu={{
              items: moves.map((m) => ({ key: m, label: t(`agencies.action.${m}`), danger: m !== 'reinstate' })),
              onClick: ({ key }) => setMoving({ agency: a, move: key as StatusMove }),
            }}
          >
            <Button type="link" size="small">
              {t('agencies.action.status')}
            </Button>
          </Dropdown>
        ) : null}
      </Space>
    );
  };

  const columns: TableColumnsType<Agency> = [
    {
      title: t('agencies.field.name'),
      key: 'name',
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Link to={`/agencies/${a.id}`}>
            <Typography.Text strong>{a.name}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" className="sc-small">
            {a.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('agencies.field.kinds'), key: 'kinds', render: (_, a) => a.kinds.map((k) => <Tag key={k}>{kindText(k, locale)}</Tag>) },
    { title: t('agencies.field.grade'), key: 'grade', render: (_, a) => grade(a) },
    { title: t('agencies.field.status'), key: 'status', render: (_, a) => statusTag(a) },
    { title: t('agencies.field.contact'), key: 'contact', render: (_, a) => [a.contactName, a.contactPhone].filter(Boolean).join(' ') || '—' },
    { title: t('common.actions'), key: 'actions', render: (_, a) => actions(a) },
  ];

  return (
    <Card
      title={t('agencies.title')}
      extra={
        access.abilities.manageAgencies ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('agencies.create.button')}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={search.q}
          placeholder={t('agencies.searchPlaceholder')}
          onSearch={(q) => setSearch({ q: q || undefined, page: undefined })}
          style={{ width: compact ? '100%' : 260 }}
        />
        <Select
          allowClear
          value={search.kind}
          placeholder={t('agencies.field.kinds')}
          style={{ minWidth: 150 }}
          options={kinds.map((k) => ({ value: k, label: kindText(k, locale) }))}
          onChange={(kind) => setSearch({ kind, page: undefined })}
        />
        <Select
          allowClear
          value={search.status}
          placeholder={t('agencies.field.status')}
          style={{ minWidth: 120 }}
          options={statuses.map((s) => ({ value: s, label: agencyStatusText(s, locale) }))}
          onChange={(status) => setSearch({ status, page: undefined })}
        />
      </Space>
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, locale)} /> : null}
      {compact ? (
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: (p) => setSearch({ page: String(p) }),
            size: 'small',
          }}
          renderItem={(a) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Link to={`/agencies/${a.id}`}>
                    <Typography.Text strong>{a.name}</Typography.Text>
                  </Link>
                  {statusTag(a)}
                </Space>
                <Typography.Text type="secondary" className="sc-small">
                  {a.kinds.map((k) => kindText(k, locale)).join('、')} · {t('agencies.field.grade')} {grade(a)}
                </Typography.Text>
                {actions(a)}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<Agency>
          rowKey="id"
          columns={columns}
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p) => setSearch({ page: String(p) }),
            showSizeChanger: false,
          }}
        />
      )}
      <AgencyDrawer
        agency={editing}
        open={creating || editing !== null}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
      <StatusModal target={moving} onClose={() => setMoving(null)} />
    </Card>
  );
}
