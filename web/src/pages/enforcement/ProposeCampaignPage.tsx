import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { IndustrySelect } from '../registry/IndustrySelect';
import { useSubdistricts } from '../registry/queries';
import {
  defaultItems,
  proposeBody,
  proposingRoles,
  scopeTypeKey,
  scopeTypes,
  unitsForRoles,
  violationTypeLabel,
  withBodyFieldPaths,
} from './enforcement-logic';
import { proposeCampaign, useRefreshEnforcement, useViolationTypes } from './queries';
import type { ScopeType } from './types';
import './enforcement.css';

interface Values {
  violationTypeId: string;
  scopeType: ScopeType;
  scopeValue: string;
  reason: string;
  items?: string[];
  departmentId?: string;
}

const fieldNames = ['violationTypeId', 'scopeType', 'scopeValue', 'reason', 'items', 'departmentId'];
const maxItems = 50;

/**
 * 提议批量发送 `/advice/campaigns/new`: a department proposes sending 合规建议书 to every enterprise of an industry or a
 * subdistrict about one violation type (after an accident elsewhere, a changed standard, …). The items start as the
 * type's own and can be edited; the bureau approves or rejects the proposal.
 */
export default function ProposeCampaignPage() {
  const { t, locale } = useI18n();
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const refresh = useRefreshEnforcement();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const types = useViolationTypes();
  const subdistricts = useSubdistricts();
  const typeById = useMemo(() => new Map((types.data ?? []).map((v) => [v.id, v])), [types.data]);
  const departments = unitsForRoles(me.roles, proposingRoles);
  const scopeType = Form.useWatch('scopeType', form);
  const typeId = Form.useWatch('violationTypeId', form);
  const chosen = typeId ? typeById.get(typeId) : undefined;

  const save = useMutation({
    mutationFn: (v: Values) => proposeCampaign(proposeBody(v)),
    onMutate: () => setAlert(null),
    onSuccess: (campaign) => {
      refresh();
      void message.success(t('advice.propose.done'));
      void navigate(`/advice/campaigns/${campaign.id}`);
    },
    onError: (e) => setAlert(applyProblemToForm(form, withBodyFieldPaths(e), locale, fieldNames)),
  });

  return (
    <Card className="sc-page-card" title={t('advice.propose.title')}>
      <div className="sc-enf-form">
        <Link to="/advice/campaigns">
          <ArrowLeftOutlined /> {t('advice.campaign.back')}
        </Link>
        <Typography.Paragraph type="secondary" className="sc-small sc-enf-gap">
          {t('advice.propose.intro')}
        </Typography.Paragraph>
        {alert ? (
          <Alert type="error" showIcon title={alert} className="sc-form-alert" data-testid="propose-error" />
        ) : null}
        {types.isError ? (
          <Alert type="error" showIcon className="sc-enf-alert" title={problemMessage(types.error, locale)} />
        ) : null}
        <Form<Values>
          form={form}
          name="propose"
          layout="vertical"
          initialValues={{ scopeType: 'industry', departmentId: departments[0]?.id, items: [] }}
          onFinish={(v) => save.mutate(v)}
          scrollToFirstError
          data-testid="propose-form"
        >
          {departments.length > 1 ? (
            <Form.Item
              name="departmentId"
              label={t('advice.field.department')}
              rules={[{ required: true, message: t('advice.propose.departmentRequired') }]}
            >
              <Select
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
                data-testid="propose-department"
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="violationTypeId"
            label={t('advice.field.violationType')}
            rules={[{ required: true, message: t('advice.propose.typeRequired') }]}
            extra={
              chosen ? (
                <div className="sc-enf-basis">
                  {t('advice.propose.legalBasis', { basis: chosen.legalBasis })}
                </div>
              ) : undefined
            }
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={types.isPending}
              options={(types.data ?? []).map((v) => ({ value: v.id, label: violationTypeLabel(v) }))}
              placeholder={t('enforcement.new.typePlaceholder')}
              popupMatchSelectWidth={false}
              onChange={(id: string) => form.setFieldsValue({ items: defaultItems(typeById.get(id)) })}
              data-testid="propose-type"
            />
          </Form.Item>
          <Form.Item name="scopeType" label={t('advice.field.scopeType')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={scopeTypes.map((s) => ({ value: s, label: t(scopeTypeKey(s)) }))}
              onChange={() => form.setFieldsValue({ scopeValue: undefined })}
              data-testid="propose-scope-type"
            />
          </Form.Item>
          <div data-testid="propose-scope-value">
            <Form.Item
              name="scopeValue"
              label={
                scopeType === 'subdistrict' ? t('advice.propose.subdistrict') : t('advice.propose.industry')
              }
              rules={[{ required: true, message: t('advice.propose.scopeRequired') }]}
              extra={scopeType === 'subdistrict' ? undefined : t('advice.propose.industryHint')}
            >
              {scopeType === 'subdistrict' ? (
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={subdistricts.isPending}
                  options={(subdistricts.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                  placeholder={t('advice.propose.subdistrict')}
                />
              ) : (
                <IndustrySelect placeholder={t('advice.propose.industry')} className="sc-full-width" />
              )}
            </Form.Item>
          </div>
          <Form.Item
            name="reason"
            label={t('advice.field.reason')}
            rules={[{ required: true, whitespace: true, message: t('advice.propose.reasonRequired') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={t('advice.propose.reasonPlaceholder')}
              data-testid="propose-reason"
            />
          </Form.Item>

          <Typography.Title level={5}>{t('advice.propose.items')}</Typography.Title>
          <Typography.Paragraph type="secondary" className="sc-small">
            {t('advice.propose.itemsHint')}
          </Typography.Paragraph>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <div data-testid="propose-items">
                {fields.map((field, index) => (
                  <div key={field.key} className="sc-enf-item-row">
                    <Typography.Text type="secondary" className="sc-enf-gap">
                      {index + 1}.
                    </Typography.Text>
                    <Form.Item
                      name={field.name}
                      rules={[
                        { required: true, whitespace: true, message: t('advice.propose.itemRequired') },
                      ]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={300}
                        data-testid={`propose-item-${index}`}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('advice.propose.removeItem')}
                      data-testid={`propose-item-remove-${index}`}
                    />
                  </div>
                ))}
                {fields.length < maxItems ? (
                  <Form.Item>
                    <Button
                      type="dashed"
                      block
                      icon={<PlusOutlined />}
                      onClick={() => add('')}
                      data-testid="propose-item-add"
                    >
                      {t('advice.propose.addItem')}
                    </Button>
                  </Form.Item>
                ) : null}
              </div>
            )}
          </Form.List>

          <div className="sc-enf-submit-bar">
            <Button onClick={() => void navigate('/advice/campaigns')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="propose-submit">
              {t('advice.propose.submit')}
            </Button>
          </div>
        </Form>
      </div>
    </Card>
  );
}
