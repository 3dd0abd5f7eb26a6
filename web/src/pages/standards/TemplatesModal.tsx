import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Empty,
  Form,
  Grid,
  List,
  Modal,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import {
  standardsKey,
  useDepartments,
  useIndustryNames,
  useStandards,
  useTemplates,
  versionKey,
} from './queries';
import { industryText, ownDepartmentId, type Template } from './standards-logic';

/**
 * 从参考模板新建: the platform's reference standards (鞋革制造, 小微园区 / 厂中厂 …) with their item counts; one
 * becomes this jurisdiction's standard as a 1.0 draft owned by the chosen department.
 */
export function TemplatesModal({
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
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const templates = useTemplates(open);
  const departments = useDepartments(open);
  const industryNames = useIndustryNames();
  const standards = useStandards(open);
  const inUse = new Set((standards.data ?? []).map((s) => s.templateKey).filter(Boolean));
  const [department, setDepartment] = useState<string | undefined>(() => ownDepartmentId(me.roles));

  const create = useMutation({
    mutationFn: (key: string) =>
      call(api.POST('/api/standards/from-template', { body: { key, owningDepartmentId: department } })),
    onSuccess: (version) => {
      queryClient.setQueryData(versionKey(version.id), version);
      void queryClient.invalidateQueries({ queryKey: standardsKey });
      onCreated(version.id);
    },
  });

  const close = () => {
    create.reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('standards.fromTemplate.title')}
      onCancel={close}
      footer={<Button onClick={close}>{t('common.cancel')}</Button>}
      width={compact ? '100%' : 760}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('standards.fromTemplate.intro')}</Typography.Paragraph>
      <Form layout={compact ? 'vertical' : 'horizontal'}>
        <Form.Item label={t('standards.field.owningDepartment')}>
          <Select
            value={department}
            onChange={setDepartment}
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            className="sc-std-department-select"
          />
        </Form.Item>
      </Form>
      {create.isError ? (
        <Alert type="error" showIcon className="sc-form-alert" title={problemMessage(create.error, locale)} />
      ) : null}
      {templates.isPending ? (
        <Skeleton active />
      ) : templates.isError ? (
        <Alert type="error" showIcon title={problemMessage(templates.error, locale)} />
      ) : templates.data.length === 0 ? (
        <Empty description={t('standards.fromTemplate.none')} />
      ) : (
        <List<Template>
          itemLayout={compact ? 'vertical' : 'horizontal'}
          dataSource={templates.data}
          renderItem={(tpl) => (
            <List.Item
              actions={[
                <Button
                  key="use"
                  type="primary"
                  loading={create.isPending && create.variables === tpl.key}
                  disabled={create.isPending || !department}
                  onClick={() => create.mutate(tpl.key)}
                >
                  {t('standards.fromTemplate.use')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={[8, 4]} wrap>
                    <span>{tpl.title}</span>
                    {inUse.has(tpl.key) ? <Tag color="gold">{t('standards.fromTemplate.inUse')}</Tag> : null}
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={4}>
                    <Space size={[4, 4]} wrap>
                      {tpl.industryScope.map((code) => (
                        <Tag key={code} color="geekblue">
                          {industryText(code, industryNames)}
                        </Tag>
                      ))}
                    </Space>
                    <span>
                      {t('standards.fromTemplate.counts', { items: tpl.items, key: tpl.keyItems })}
                      {' · '}
                      {t('standards.fromTemplate.reference', {
                        number: tpl.version.number,
                        doc: tpl.version.documentNumber,
                        date: tpl.version.publishDate,
                      })}
                    </span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
