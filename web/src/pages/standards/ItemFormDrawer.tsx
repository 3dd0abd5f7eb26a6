import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n, type MessageKey } from '../../i18n';
import { versionKey } from './queries';
import {
  formToItem,
  itemFormFields,
  itemToForm,
  majorHazardSources,
  moduleName,
  tagOptions,
  type ItemFormValues,
  type StandardItem,
  type VersionDetail,
} from './standards-logic';

const basisKinds: { value: ItemFormValues['legalBasis'][number]['kind']; label: MessageKey }[] = [
  { value: 'law', label: 'standards.basisKind.law' },
  { value: 'regulation', label: 'standards.basisKind.regulation' },
  { value: 'standard', label: 'standards.basisKind.standard' },
  { value: 'normative', label: 'standards.basisKind.normative' },
];

/**
 * Add or edit an item of a draft. The server checks what matters (a key item needs a legal basis, the module
 * must exist, codes are unique); its field errors land next to their fields. The parent gives it a new `key`
 * each time it opens, so the form starts from the item's values.
 */
export function ItemFormDrawer({
  version,
  item,
  defaults,
  open,
  onClose,
  onSaved,
}: {
  version: VersionDetail;
  /** null: a new item */
  item: StandardItem | null;
  defaults: { module?: string; code?: string };
  open: boolean;
  onClose: () => void;
  onSaved: (code: string, module: string) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ItemFormValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const isKey = Form.useWatch('isKey', form);
  const hazardSource = Form.useWatch(['majorHazard', 'source'], form);

  const save = useMutation({
    mutationFn: (values: ItemFormValues) => {
      const body = formToItem(values);
      return item
        ? call(
            api.PATCH('/api/standard-versions/{id}/items/{code}', {
              params: { path: { id: version.id, code: item.code } },
              body,
            }),
          )
        : call(api.POST('/api/standard-versions/{id}/items', { params: { path: { id: version.id } }, body }));
    },
    onMutate: () => setAlert(null),
    onSuccess: (updated, values) => {
      queryClient.setQueryData(versionKey(version.id), updated);
      onSaved(values.code.trim(), values.module);
    },
    onError: (error) => setAlert(applyProblemToForm(form, error, locale, itemFormFields)),
  });

  return (
    <Drawer
      title={item ? t('standards.item.editTitle', { code: item.code }) : t('standards.item.addTitle')}
      open={open}
      onClose={onClose}
      size={compact ? '100%' : 720}
      destroyOnHidden
      footer={
        <Space className="sc-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<ItemFormValues>
        form={form}
        name="standard-item"
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed: Partial<ItemFormValues>) => {
          // a server error on the whole list (key item without basis) goes once the list changes
          if (changed.legalBasis && form.getFieldError('legalBasis').length > 0) {
            form.setFields([{ name: 'legalBasis', errors: [] }]);
          }
        }}
        disabled={save.isPending}
        initialValues={itemToForm(item, defaults)}
      >
        <div className="sc-std-row-fields">
          <Form.Item
            name="code"
            label={t('standards.field.code')}
            className="sc-std-field-code"
            rules={[
              { required: true, whitespace: true, message: t('standards.item.codeRequired') },
              { pattern: /^[A-Za-z0-9_.-]+$/, message: t('standards.item.codePattern') },
            ]}
          >
            <Input maxLength={20} className="sc-mono" autoCapitalize="characters" />
          </Form.Item>
          <Form.Item
            name="module"
            label={t('standards.field.module')}
            className="sc-std-field-grow"
            rules={[{ required: true, message: t('standards.item.moduleRequired') }]}
          >
            <Select
              options={version.modules.map((m) => ({
                value: m.code,
                label: `${moduleName(m, locale)}${m.common ? '' : ` ${t('standards.module.industrySuffix')}`}`,
              }))}
            />
          </Form.Item>
        </div>
        <Form.Item
          name="requirement"
          label={t('standards.field.requirement')}
          rules={[{ required: true, whitespace: true, message: t('standards.item.requirementRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="isKey"
          label={t('standards.field.isKey')}
          valuePropName="checked"
          extra={t('standards.item.keyHint')}
        >
          <Switch checkedChildren={t('standards.key')} />
        </Form.Item>

        <Divider titlePlacement="start">{t('standards.field.legalBasis')}</Divider>
        <Form.List name="legalBasis">
          {(rows, { add, remove }, { errors }) => (
            <>
              {rows.map((row) => (
                <div key={row.key} className="sc-std-row-fields sc-std-basis-row">
                  <Form.Item
                    name={[row.name, 'kind']}
                    label={t('standards.item.basisKind')}
                    className="sc-std-field-kind"
                    rules={[{ required: true, message: t('standards.item.basisKindRequired') }]}
                  >
                    <Select options={basisKinds.map((k) => ({ value: k.value, label: t(k.label) }))} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'title']}
                    label={t('standards.item.basisTitle')}
                    className="sc-std-field-grow"
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        min: 2,
                        message: t('standards.item.basisTitleRequired'),
                      },
                    ]}
                  >
                    <Input maxLength={200} placeholder={t('standards.item.basisTitlePlaceholder')} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'article']}
                    label={t('standards.item.basisArticle')}
                    className="sc-std-field-article"
                    rules={[
                      { required: true, whitespace: true, message: t('standards.item.basisArticleRequired') },
                    ]}
                  >
                    <Input maxLength={100} placeholder={t('standards.item.basisArticlePlaceholder')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    aria-label={t('standards.item.basisRemove')}
                    onClick={() => remove(row.name)}
                    className="sc-std-row-remove"
                  />
                </div>
              ))}
              {isKey && rows.length === 0 && errors.length === 0 ? (
                <Typography.Paragraph type="warning" className="sc-small">
                  {t('standards.item.keyNeedsBasis')}
                </Typography.Paragraph>
              ) : null}
              <div className="sc-std-list-errors">
                <Form.ErrorList errors={errors} />
              </div>
              {rows.length < 20 ? (
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'law' })}>
                  {t('standards.item.basisAdd')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('standards.item.checking')}</Divider>
        <Form.Item name="checkMethod" label={t('standards.field.checkMethod')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="evidence" label={t('standards.field.evidence')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="tags" label={t('standards.field.tags')} extra={t('standards.item.tagsHint')}>
          <Checkbox.Group options={tagOptions(locale)} className="sc-std-tag-checks" />
        </Form.Item>
        <Form.Item
          name="violationTypes"
          label={t('standards.field.violationTypes')}
          extra={t('standards.item.violationHint')}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ', '、']} open={false} suffixIcon={null} />
        </Form.Item>

        <Divider titlePlacement="start">{t('standards.field.majorHazard')}</Divider>
        <div className="sc-std-row-fields">
          <Form.Item
            name={['majorHazard', 'source']}
            label={t('standards.item.hazardSource')}
            className="sc-std-field-grow"
          >
            <Select
              options={[
                { value: null, label: t('standards.item.hazardNone') },
                ...Object.entries(majorHazardSources).map(([value, s]) => ({ value, label: s.full[locale] })),
              ]}
            />
          </Form.Item>
          <Form.Item
            name={['majorHazard', 'article']}
            label={t('standards.item.hazardArticle')}
            className="sc-std-field-article"
            rules={[
              {
                required: !!hazardSource,
                whitespace: true,
                message: t('standards.item.hazardArticleRequired'),
              },
            ]}
          >
            <Input
              maxLength={50}
              disabled={!hazardSource}
              placeholder={t('standards.item.hazardArticlePlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name={['majorHazard', 'item']}
            label={t('standards.item.hazardItem')}
            className="sc-std-field-item"
          >
            <Input maxLength={50} disabled={!hazardSource} placeholder="（一）" />
          </Form.Item>
        </div>
      </Form>
    </Drawer>
  );
}
