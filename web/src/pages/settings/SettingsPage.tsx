import { HistoryOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { Setting } from '../../api/types';
import { applyProblemToForm } from '../../components/form-problem';
import { formatBytes, formatDateTime, formatValue } from '../../format';
import { useI18n } from '../../i18n';
import { settingInputKind, settingValueToSend, type SettingInputKind } from './settings-logic';

const settingsKey = ['settings'] as const;

function ValueText({ value, unit }: { value: unknown; unit: string | null }) {
  if (value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'boolean') return <Switch size="small" checked={value} disabled />;
  if (Array.isArray(value))
    return (
      <Space size={4} wrap>
        {value.map((v, i) => (
          <Tag key={i}>{formatValue(v)}</Tag>
        ))}
      </Space>
    );
  if (typeof value === 'string' && (value.includes('\n') || value.length > 60))
    return (
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: value }} style={{ marginBottom: 0, maxWidth: 360 }}>
        {value}
      </Typography.Paragraph>
    );
  const size = unit === '字节' && typeof value === 'number' ? formatBytes(value) : null;
  return (
    <span>
      {formatValue(value)}
      {unit ? <Typography.Text type="secondary"> {unit}</Typography.Text> : null}
      {size ? <Typography.Text type="secondary">（{size}）</Typography.Text> : null}
    </span>
  );
}

/** The jurisdiction's policy numbers: current value, default, change with a reason, history. */
export default function SettingsPage() {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<Setting | null>(null);
  const [historyOf, setHistoryOf] = useState<Setting | null>(null);
  const compact = Grid.useBreakpoint().md === false;
  const list = useQuery({ queryKey: settingsKey, queryFn: () => call(api.GET('/api/settings')) });

  const label = (s: Setting) => (
    <div>
      <div>{s.label}</div>
      <Typography.Text type="secondary" className="sc-mono sc-small">
        {s.key}
      </Typography.Text>
    </div>
  );
  const value = (s: Setting) => (
    <Space size={4} wrap>
      <ValueText value={s.value} unit={s.unit} />
      {formatValue(s.value) !== formatValue(s.default) ? (
        <Tag color="orange">{t('settings.changed')}</Tag>
      ) : null}
    </Space>
  );
  const actions = (s: Setting) => (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => setEditing(s)}>
        {t('common.edit')}
      </Button>
      <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistoryOf(s)}>
        {t('settings.history')}
      </Button>
    </Space>
  );

  const columns: TableColumnsType<Setting> = compact
    ? [
        {
          title: t('settings.label'),
          key: 'setting',
          render: (_, s) => (
            <div className="sc-stack">
              {label(s)}
              {value(s)}
              {actions(s)}
            </div>
          ),
        },
      ]
    : [
        { title: t('settings.label'), key: 'label', render: (_, s) => label(s) },
        { title: t('settings.value'), key: 'value', width: 240, render: (_, s) => value(s) },
        {
          title: t('settings.default'),
          key: 'default',
          width: 200,
          render: (_, s) => <ValueText value={s.default} unit={s.unit} />,
        },
        { title: t('common.actions'), key: 'actions', width: 160, render: (_, s) => actions(s) },
      ];

  return (
    <Card className="sc-page-card" title={t('settings.title')}>
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, locale)} /> : null}
      <Table<Setting>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={list.data}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <EditSettingModal setting={editing} onClose={() => setEditing(null)} />
      <SettingHistoryDrawer setting={historyOf} onClose={() => setHistoryOf(null)} />
    </Card>
  );
}

interface EditValues {
  value: unknown;
  reason: string;
}

function EditSettingModal({ setting, onClose }: { setting: Setting | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const kind: SettingInputKind = setting ? settingInputKind(setting) : 'line';
  const numeric = kind === 'number';

  const save = useMutation({
    mutationFn: (v: EditValues) =>
      call(
        api.PUT('/api/settings/{key}', {
          params: { path: { key: setting!.key } },
          body: { value: settingValueToSend(kind, v.value), reason: v.reason.trim() },
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKey });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, ['value', 'reason'])),
  });

  return (
    <Modal
      title={setting ? t('settings.editTitle', { label: setting.label }) : ''}
      open={setting !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      {setting ? (
        <Form<EditValues>
          form={form}
          layout="vertical"
          initialValues={{ value: setting.value, reason: '' }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item
            name="value"
            label={t('settings.newValue')}
            extra={t('settings.defaultIs', {
              value: formatValue(setting.default) + (setting.unit ? ` ${setting.unit}` : ''),
            })}
            rules={numeric ? [{ required: true, message: t('settings.valueRequired') }] : []}
            {...(kind === 'boolean' ? { valuePropName: 'checked' } : {})}
          >
            <SettingInput kind={kind} unit={setting.unit} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('settings.reason')}
            rules={[{ required: true, whitespace: true, message: t('settings.reasonRequired') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={t('settings.reasonPlaceholder')}
            />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

/** The input for a setting's kind of value; Form.Item passes value (checked for a switch) and onChange. */
function SettingInput({
  kind,
  unit,
  ...control
}: {
  kind: SettingInputKind;
  unit: string | null;
  /** whatever the form holds for the setting: typed by the input it is passed on to */
  value?: never;
  checked?: boolean;
  onChange?: (value: unknown) => void;
}) {
  switch (kind) {
    case 'number':
      return <InputNumber {...control} precision={0} suffix={unit ?? undefined} className="sc-full-width" />;
    case 'boolean':
      return <Switch {...control} />;
    case 'list':
      return <Select {...control} mode="tags" tokenSeparators={[',', '，', ' ']} />;
    case 'text':
      return <Input.TextArea {...control} autoSize={{ minRows: 6, maxRows: 16 }} />;
    case 'line':
      return <Input {...control} />;
  }
}

function SettingHistoryDrawer({ setting, onClose }: { setting: Setting | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const compact = Grid.useBreakpoint().md === false;
  const history = useQuery({
    queryKey: [...settingsKey, 'history', setting?.key],
    queryFn: () => call(api.GET('/api/settings/{key}/history', { params: { path: { key: setting!.key } } })),
    enabled: setting !== null,
  });
  return (
    <Drawer
      title={setting ? t('settings.historyTitle', { label: setting.label }) : ''}
      open={setting !== null}
      onClose={onClose}
      size={compact ? '100%' : 480}
    >
      {history.isError ? <Alert type="error" showIcon title={problemMessage(history.error, locale)} /> : null}
      {history.data && history.data.length === 0 ? (
        <Typography.Text type="secondary">
          {t('settings.noHistory', { value: formatValue(setting?.default) })}
        </Typography.Text>
      ) : null}
      <Timeline
        items={(history.data ?? []).map((h, i) => ({
          key: `${h.changedAt}-${i}`,
          color: i === 0 ? 'blue' : 'gray',
          content: (
            <div>
              <div>
                <Typography.Text strong>
                  <ValueText value={h.value} unit={setting?.unit ?? null} />
                </Typography.Text>
                {i === 0 ? (
                  <Typography.Text type="secondary"> · {t('settings.current')}</Typography.Text>
                ) : null}
              </div>
              <Typography.Text type="secondary" className="sc-small">
                {formatDateTime(h.changedAt)} · {h.changedByName ?? t('audit.system')}
              </Typography.Text>
              {h.reason ? <div className="sc-history-reason">{h.reason}</div> : null}
            </div>
          ),
        }))}
      />
    </Drawer>
  );
}
