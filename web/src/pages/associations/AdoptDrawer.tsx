import './associations.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Empty,
  Form,
  Grid,
  Input,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { useStandards, useVersion } from '../standards/queries';
import { moduleName, versionStatusMeta } from '../standards/standards-logic';
import {
  adoptableVersions,
  chosenInOrder,
  groupItems,
  moduleSelection,
  toggleAll,
  toggleOne,
} from './association-logic';
import { associationsKey } from './queries';

interface Values {
  title: string;
  standardVersionId?: string;
}

/**
 * 制定自律共治标准 (the association's own users): choose a published or filed standard version, tick items of it
 * (grouped by module, key items marked, select all per module) and give a title. The server keeps the item codes.
 */
export function AdoptDrawer({
  association,
  onClose,
}: {
  association: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const open = association !== null;
  const standards = useStandards(open);
  const versions = useMemo(() => adoptableVersions(standards.data ?? []), [standards.data]);
  const versionId = Form.useWatch('standardVersionId', form);
  const version = useVersion(versionId);
  const items = useMemo(() => version.data?.items ?? [], [version.data]);
  const groups = useMemo(() => groupItems(items, version.data?.modules ?? []), [items, version.data]);
  useEffect(() => {
    if (open) setAlert(null);
  }, [open]);
  useEffect(() => setSelected(new Set()), [versionId]);

  const adopt = useMutation({
    mutationFn: (v: Values) =>
      call(
        api.POST('/api/associations/{id}/self-discipline-standards', {
          params: { path: { id: association!.id } },
          body: {
            title: v.title.trim(),
            standardVersionId: v.standardVersionId!,
            itemCodes: chosenInOrder(items, selected),
          },
        }),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: associationsKey });
      void message.success(t('associations.adopt.done', { title: saved.title }));
      onClose();
      void navigate(`/self-discipline-standards/${saved.id}`);
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, ['title', 'standardVersionId'])),
  });
  const submit = (v: Values) => {
    if (selected.size === 0) {
      setAlert(t('associations.adopt.noItems'));
      return;
    }
    adopt.mutate(v);
  };

  return (
    <Drawer
      title={association ? t('associations.adopt.title', { name: association.name }) : ''}
      open={open}
      onClose={onClose}
      size={compact ? '100%' : 720}
      destroyOnHidden
      footer={
        <Space className="sc-drawer-footer">
          <Typography.Text type="secondary">
            {t('associations.adopt.chosen', { n: selected.size, total: items.length })}
          </Typography.Text>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={adopt.isPending} onClick={() => form.submit()}>
            {t('associations.adopt.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('associations.adopt.intro')}</Typography.Paragraph>
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={adopt.isPending}>
        <Form.Item
          name="title"
          label={t('associations.field.title')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('associations.field.titleRequired') },
          ]}
        >
          <Input maxLength={100} placeholder={t('associations.field.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="standardVersionId"
          label={t('associations.field.version')}
          extra={t('associations.field.versionHint')}
          rules={[{ required: true, message: t('associations.field.versionRequired') }]}
        >
          <Select
            loading={standards.isPending}
            notFoundContent={standards.isPending ? <Spin size="small" /> : t('associations.adopt.noVersions')}
            options={versions.map((v) => {
              const meta = versionStatusMeta(v.status);
              return {
                value: v.versionId,
                label: `${v.standardTitle} v${v.number}（${meta.key ? t(meta.key) : v.status}）`,
              };
            })}
          />
        </Form.Item>
      </Form>
      {version.isError ? <Alert type="error" showIcon title={problemMessage(version.error, locale)} /> : null}
      {versionId && version.isPending ? <Spin /> : null}
      {versionId && version.data && groups.length === 0 ? <Empty /> : null}
      {groups.map((g, index) => {
        const codes = g.items.map((i) => i.code);
        const state = moduleSelection(codes, selected);
        return (
          <section key={g.module.code} className="sc-assoc-module">
            <Space wrap className="sc-assoc-module-head">
              <Checkbox
                checked={state.checked}
                indeterminate={state.indeterminate}
                onChange={(e) => setSelected((s) => toggleAll(s, codes, e.target.checked))}
                aria-label={t('associations.adopt.selectModule', { module: moduleName(g.module, locale) })}
              >
                <Typography.Text strong>
                  {index + 1}. {moduleName(g.module, locale)}
                </Typography.Text>
              </Checkbox>
              <Typography.Text type="secondary" className="sc-small">
                {t('associations.adopt.moduleCount', { chosen: state.chosen, total: codes.length })}
              </Typography.Text>
            </Space>
            {g.items.map((item) => (
              <div key={item.code} className="sc-assoc-item">
                <Checkbox
                  checked={selected.has(item.code)}
                  onChange={(e) => setSelected((s) => toggleOne(s, item.code, e.target.checked))}
                >
                  <Typography.Text code>{item.code}</Typography.Text>{' '}
                  {item.isKey ? <Tag color="red">{t('associations.item.key')}</Tag> : null}
                  {item.requirement}
                </Checkbox>
              </div>
            ))}
          </section>
        );
      })}
    </Drawer>
  );
}
