import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { problemMessage } from '../../api/problem';
import { useAccess, useSession } from '../../auth/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import {
  chinaDateOf,
  harmKey,
  harmLevels,
  hazardStatusKey,
  inspectingRoles,
  inspectionBody,
  selfReportCandidates,
  unitsForRoles,
  violationTypeLabel,
  withBodyFieldPaths,
} from './enforcement-logic';
import { recordInspection, useEnterpriseHazards, useRefreshEnforcement, useViolationTypes } from './queries';
import type { Harm, ViolationType } from './types';
import './enforcement.css';

interface Values {
  enterpriseId: string;
  departmentId?: string;
  inspectedOn: Dayjs;
  findings?: string;
  rectifyBy?: Dayjs;
  violations?: {
    violationTypeId?: string;
    description?: string;
    harm?: Harm;
    selfReportedHazardId?: string | null;
  }[];
}

const fieldNames = ['enterpriseId', 'departmentId', 'inspectedOn', 'findings', 'rectifyBy', 'violations'];
const maxViolations = 20;
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The state the detail page reads after a recording: the campaigns the frequency check proposed. */
export interface RecordedState {
  proposedCampaignIds?: string[];
}

/** The legal basis and penalty of the type chosen for one violation, under its select. */
function TypeBasis({
  form,
  name,
  types,
}: {
  form: FormInstance<Values>;
  name: number;
  types: Map<string, ViolationType>;
}) {
  const { t } = useI18n();
  const id = Form.useWatch(['violations', name, 'violationTypeId'], form) as string | undefined;
  const type = id ? types.get(id) : undefined;
  if (!type) return null;
  return (
    <div className="sc-enf-basis" data-testid={`violation-basis-${name}`}>
      <div>
        <Typography.Text strong className="sc-small">
          {t('enforcement.type.legalBasis')}
        </Typography.Text>
        {type.legalBasis}
      </div>
      {type.penaltyBasis ? (
        <div>
          <Typography.Text strong className="sc-small">
            {t('enforcement.type.penaltyBasis')}
          </Typography.Text>
          {type.penaltyBasis}
        </div>
      ) : null}
      {type.penaltyRange ? (
        <div>
          <Typography.Text strong className="sc-small">
            {t('enforcement.type.penaltyRange')}
          </Typography.Text>
          {type.penaltyRange}
        </div>
      ) : null}
    </div>
  );
}

/** A hazard in the self-report select: its title, then when it was reported and its status (wrapping on a phone). */
function HazardOption({ title, meta }: { title: string; meta: string }) {
  return (
    <div className="sc-enf-option">
      <div>{title}</div>
      <Typography.Text type="secondary" className="sc-small">
        {meta}
      </Typography.Text>
    </div>
  );
}

/**
 * 登记检查 `/enforcement/inspections/new`: an enforcement officer records an inspection of one enterprise, in the
 * field on a phone (one column): enterprise, date, findings, the violations found (type from the catalog with its
 * legal basis, the facts, the harm and — when the enterprise reported hazards before the inspection day — the one
 * that matches, for leniency) and, when there are any, the rectification deadline. The server then issues the
 * 责令限期整改指令书 and one 合规建议书 per violation; the detail page opens next.
 */
export default function NewInspectionPage() {
  const { t, locale } = useI18n();
  const me = useSession();
  const access = useAccess();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const refresh = useRefreshEnforcement();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const types = useViolationTypes();
  const typeById = useMemo(() => new Map((types.data ?? []).map((v) => [v.id, v])), [types.data]);
  const typeOptions = (types.data ?? []).map((v) => ({ value: v.id, label: violationTypeLabel(v) }));
  const departments = unitsForRoles(me.roles, inspectingRoles);
  const violations = Form.useWatch('violations', form);
  const inspectedOn = Form.useWatch('inspectedOn', form);
  const found = (violations ?? []).length;
  const enterpriseId = Form.useWatch('enterpriseId', form) as string | undefined;
  const hazards = useEnterpriseHazards(enterpriseId, access.abilities.viewHazards === true);
  const candidates = useMemo(
    () => selfReportCandidates(hazards.data?.items ?? [], inspectedOn ? day(inspectedOn) : undefined),
    [hazards.data, inspectedOn],
  );
  const candidateIds = useMemo(() => new Set(candidates.map((h) => h.id)), [candidates]);
  const hazardOptions = candidates.map((h) => {
    const status = hazardStatusKey(h.status);
    const params = {
      title: h.title,
      date: chinaDateOf(h.reportedAt),
      status: status ? t(status) : h.status,
    };
    return {
      value: h.id,
      label: t('enforcement.new.selfReportOption', params),
      title: h.title,
      meta: t('enforcement.new.selfReportMeta', params),
    };
  });
  const harmOptions = harmLevels.map((h) => ({ value: h, label: t(harmKey(h)) }));

  /** Another enterprise, or a date its reports are no longer before: the linked self-reports no longer apply. */
  const keepSelfReports = (changed: Partial<Values>, all: Values) => {
    if (!('enterpriseId' in changed) && !('inspectedOn' in changed)) return;
    const still =
      'enterpriseId' in changed
        ? new Set<string>()
        : new Set(
            selfReportCandidates(
              hazards.data?.items ?? [],
              all.inspectedOn ? day(all.inspectedOn) : undefined,
            ).map((h) => h.id),
          );
    const list = all.violations ?? [];
    if (list.some((v) => v.selfReportedHazardId && !still.has(v.selfReportedHazardId)))
      form.setFieldValue(
        'violations',
        list.map((v) =>
          v.selfReportedHazardId && !still.has(v.selfReportedHazardId)
            ? { ...v, selfReportedHazardId: undefined }
            : v,
        ),
      );
  };

  const save = useMutation({
    mutationFn: (v: Values) =>
      recordInspection(
        inspectionBody(
          {
            enterpriseId: v.enterpriseId,
            departmentId: v.departmentId,
            inspectedOn: day(v.inspectedOn),
            findings: v.findings,
            rectifyBy: v.rectifyBy ? day(v.rectifyBy) : null,
            violations: v.violations,
          },
          candidateIds,
        ),
      ),
    onMutate: () => setAlert(null),
    onSuccess: (recorded) => {
      refresh();
      void message.success(t('enforcement.new.saved'));
      const state: RecordedState = { proposedCampaignIds: recorded.proposedCampaignIds };
      void navigate(`/enforcement/inspections/${recorded.id}`, { state });
    },
    onError: (e) => setAlert(applyProblemToForm(form, withBodyFieldPaths(e), locale, fieldNames)),
  });

  return (
    <Card className="sc-page-card" title={t('enforcement.new.title')}>
      <div className="sc-enf-form">
        <Link to="/enforcement/inspections">
          <ArrowLeftOutlined /> {t('enforcement.detail.back')}
        </Link>
        <Typography.Paragraph type="secondary" className="sc-small sc-enf-gap">
          {t('enforcement.new.intro')}
        </Typography.Paragraph>
        {alert ? (
          <Alert
            type="error"
            showIcon
            title={alert}
            className="sc-form-alert"
            data-testid="inspection-error"
          />
        ) : null}
        {types.isError ? (
          <Alert type="error" showIcon className="sc-enf-alert" title={problemMessage(types.error, locale)} />
        ) : null}
        <Form<Values>
          form={form}
          name="inspection"
          layout="vertical"
          initialValues={{ inspectedOn: dayjs(), departmentId: departments[0]?.id, violations: [] }}
          onFinish={(v) => save.mutate(v)}
          onValuesChange={keepSelfReports}
          scrollToFirstError
          data-testid="inspection-form"
        >
          <div data-testid="inspection-enterprise">
            <Form.Item
              name="enterpriseId"
              label={t('enforcement.field.enterprise')}
              rules={[{ required: true, message: t('enforcement.new.enterpriseRequired') }]}
            >
              <EnterpriseSelect />
            </Form.Item>
          </div>
          {departments.length > 1 ? (
            <Form.Item
              name="departmentId"
              label={t('enforcement.field.department')}
              rules={[{ required: true, message: t('enforcement.new.departmentRequired') }]}
            >
              <Select
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
                data-testid="inspection-department"
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="inspectedOn"
            label={t('enforcement.field.inspectedOn')}
            rules={[{ required: true, message: t('enforcement.new.dateRequired') }]}
          >
            <DatePicker
              inputReadOnly
              className="sc-full-width"
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="inspection-date"
            />
          </Form.Item>
          <Form.Item name="findings" label={t('enforcement.field.findings')}>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              showCount
              placeholder={t('enforcement.new.findingsPlaceholder')}
              data-testid="inspection-findings"
            />
          </Form.Item>

          <Typography.Title level={5}>{t('enforcement.new.violations')}</Typography.Title>
          <Form.List name="violations">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 ? (
                  <Typography.Paragraph type="secondary" className="sc-small">
                    {t('enforcement.new.noViolations')}
                  </Typography.Paragraph>
                ) : null}
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    className="sc-enf-violation"
                    title={t('enforcement.new.violationN', { n: index + 1 })}
                    data-testid={`violation-${index}`}
                    extra={
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('enforcement.new.removeViolation')}
                        data-testid={`violation-remove-${index}`}
                      />
                    }
                  >
                    <Form.Item
                      name={[field.name, 'violationTypeId']}
                      label={t('enforcement.field.violationType')}
                      rules={[{ required: true, message: t('enforcement.new.typeRequired') }]}
                      extra={<TypeBasis form={form} name={field.name} types={typeById} />}
                    >
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        loading={types.isPending}
                        options={typeOptions}
                        placeholder={t('enforcement.new.typePlaceholder')}
                        popupMatchSelectWidth={false}
                        data-testid={`violation-type-${index}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'description']}
                      label={t('enforcement.field.description')}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('enforcement.new.descriptionRequired'),
                        },
                      ]}
                    >
                      <Input.TextArea
                        rows={3}
                        maxLength={1000}
                        showCount
                        placeholder={t('enforcement.new.descriptionPlaceholder')}
                        data-testid={`violation-description-${index}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'harm']}
                      label={t('enforcement.field.harm')}
                      extra={t('enforcement.new.harmHint')}
                    >
                      <Select options={harmOptions} data-testid={`violation-harm-${index}`} />
                    </Form.Item>
                    {hazardOptions.length > 0 ? (
                      <Form.Item
                        name={[field.name, 'selfReportedHazardId']}
                        label={t('enforcement.field.selfReport')}
                        extra={t('enforcement.new.selfReportHint')}
                      >
                        <Select
                          allowClear
                          options={hazardOptions}
                          placeholder={t('enforcement.new.selfReportPlaceholder')}
                          optionRender={(o) => <HazardOption title={o.data.title} meta={o.data.meta} />}
                          data-testid={`violation-hazard-${index}`}
                        />
                      </Form.Item>
                    ) : null}
                  </Card>
                ))}
                {fields.length < maxViolations ? (
                  <Form.Item>
                    <Button
                      type="dashed"
                      block
                      icon={<PlusOutlined />}
                      onClick={() => add({ harm: 'none' })}
                      data-testid="violation-add"
                    >
                      {t('enforcement.new.addViolation')}
                    </Button>
                  </Form.Item>
                ) : null}
              </>
            )}
          </Form.List>

          {found > 0 ? (
            <Form.Item
              name="rectifyBy"
              label={t('enforcement.field.rectifyBy')}
              extra={t('enforcement.new.rectifyByHint')}
              dependencies={['inspectedOn']}
              rules={[{ required: true, message: t('enforcement.new.rectifyByRequired') }]}
            >
              <DatePicker
                inputReadOnly
                className="sc-full-width"
                disabledDate={(d) => (inspectedOn ? d.isBefore(inspectedOn, 'day') : false)}
                data-testid="inspection-rectify-by"
              />
            </Form.Item>
          ) : null}

          <div className="sc-enf-submit-bar">
            <Button onClick={() => void navigate('/enforcement/inspections')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="inspection-submit">
              {found > 0
                ? t('enforcement.new.submitWithViolations', { n: found })
                : t('enforcement.new.submit')}
            </Button>
          </div>
        </Form>
      </div>
    </Card>
  );
}
