import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Divider, Drawer, Form, Grid, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, call } from '../../api/client';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { standardsKey, useDepartments, useIndustries, versionKey } from './queries';
import { ownDepartmentId, scopeOptions, type CreateStandardBody } from './standards-logic';

interface Values {
  title: string;
  owningDepartmentId?: string;
  industryScope: string[];
  industryModules: { code?: string; name?: string }[];
}

const fields = ['title', 'owningDepartmentId', 'industryScope', 'industryModules'] as const;

/** 新建标准: title, owning department, industry scope and the industry modules ("X" of 5+X); starts a 1.0 draft. */
export function CreateStandardDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (versionId: string) => void;
}) {
  const { t, locale } = useI18n();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const departments = useDepartments(open);
  const industries = useIndustries();
  const options = useMemo(() => scopeOptions(industries.data ?? []), [industries.data]);

  const create = useMutation({
    mutationFn: (v: Values) => {
      const body: CreateStandardBody = {
        title: v.title.trim(),
        owningDepartmentId: v.owningDepartmentId!,
        industryScope: v.industryScope,
        industryModules: (v.industryModules ?? [])
          .filter((m) => m.code?.trim() || m.name?.trim())
          .map((m) => ({ code: m.code?.trim() ?? '', name: m.name?.trim() ?? '' })),
      };
      return call(api.POST('/api/standards', { body }));
    },
    onMutate: () => setAlert(null),
    onSuccess: (version) => {
      queryClient.setQueryData(versionKey(version.id), version);
      void queryClient.invalidateQueries({ queryKey: standardsKey });
      form.resetFields();
      onCreated(version.id);
    },
    onError: (error) => {
      const left = applyProblemToForm(form, error, locale, fields);
      // a scope overlap names the standards it collides with in its detail: show that too
      const detailed = isApiProblem(error) && error.detail !== error.title;
      setAlert(left ?? (detailed ? problemMessage(error, locale) : null));
    },
  });

  return (
    <Drawer
      title={t('standards.create.title')}
      open={open}
      onClose={onClose}
      size={compact ? '100%' : 640}
      destroyOnHidden
      footer={
        <Space className="sc-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('standards.create.submit')}
          </Button>
        </Space>
      }
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<Values>
        form={form}
        name="create-standard"
        layout="vertical"
        initialValues={{
          owningDepartmentId: ownDepartmentId(me.roles),
          industryScope: [],
          industryModules: [],
        }}
        onFinish={(v) => create.mutate(v)}
        disabled={create.isPending}
      >
        <Form.Item
          name="title"
          label={t('standards.field.title')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('standards.create.titleRequired') }]}
        >
          <Input maxLength={200} placeholder={t('standards.create.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="owningDepartmentId"
          label={t('standards.field.owningDepartment')}
          extra={t('standards.create.departmentHint')}
          rules={[{ required: true, message: t('standards.create.departmentRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="industryScope"
          label={t('standards.field.industryScope')}
          extra={t('standards.create.scopeHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('standards.create.scopeRequired') }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={industries.isPending}
            options={options}
            placeholder={t('standards.create.scopePlaceholder')}
            maxCount={30}
          />
        </Form.Item>
        <Divider titlePlacement="start">{t('standards.field.industryModules')}</Divider>
        <Typography.Paragraph type="secondary" className="sc-small">
          {t('standards.create.modulesHint')}
        </Typography.Paragraph>
        <Form.List name="industryModules">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <div key={row.key} className="sc-std-row-fields">
                  <Form.Item
                    name={[row.name, 'code']}
                    label={t('standards.create.moduleCode')}
                    rules={[
                      { required: true, message: t('standards.create.moduleCodeRequired') },
                      { pattern: /^[a-z][a-z0-9_]*$/, message: t('standards.create.moduleCodePattern') },
                    ]}
                    className="sc-std-field-code"
                  >
                    <Input maxLength={40} placeholder="footwear_adhesive" autoCapitalize="none" />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'name']}
                    label={t('standards.create.moduleName')}
                    rules={[
                      { required: true, whitespace: true, message: t('standards.create.moduleNameRequired') },
                    ]}
                    className="sc-std-field-grow"
                  >
                    <Input maxLength={60} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    aria-label={t('standards.create.moduleRemove')}
                    onClick={() => remove(row.name)}
                    className="sc-std-row-remove"
                  />
                </div>
              ))}
              {rows.length < 10 ? (
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('standards.create.moduleAdd')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
