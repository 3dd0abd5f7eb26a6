import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Select,
  Space,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { eligibilityKey } from '../eligibility/queries';
import { recordsKey } from './queries';
import {
  accidentBody,
  accidentGrades,
  dishonestyBody,
  gradeLabelKey,
  penaltyBody,
  type AccidentValues,
  type DishonestyValues,
  type PenaltyValues,
} from './records-logic';

export type RecordKind = 'accident' | 'penalty' | 'dishonesty';

const fieldNames: Record<RecordKind, string[]> = {
  accident: ['occurredOn', 'grade', 'deaths', 'seriousInjuries', 'directLoss', 'description', 'source'],
  penalty: ['authority', 'decisionNumber', 'decidedOn', 'violation', 'sanction', 'workSafety', 'source'],
  dishonesty: ['listedBy', 'fromDate', 'toDate', 'reason', 'source'],
};

type Values = AccidentValues & PenaltyValues & DishonestyValues;

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** The drawer to add one adverse record (事故 / 行政处罚 / 严重失信) to an enterprise. */
export function RecordDrawer({
  kind,
  enterpriseId,
  onClose,
}: {
  kind: RecordKind | null;
  enterpriseId: string;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const required = { required: true, whitespace: true, message: t('records.field.required') };
  const requiredValue = { required: true, message: t('records.field.required') };

  useEffect(() => {
    if (!kind) return;
    setAlert(null);
    form.resetFields();
    if (kind === 'accident') form.setFieldsValue({ grade: 'general', deaths: 0, seriousInjuries: 0 });
    if (kind === 'penalty') form.setFieldsValue({ workSafety: true });
  }, [kind, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      switch (kind) {
        case 'accident':
          return call(api.POST('/api/accidents', { body: accidentBody(enterpriseId, v) }));
        case 'penalty':
          return call(api.POST('/api/penalties', { body: penaltyBody(enterpriseId, v) }));
        default:
          return call(api.POST('/api/dishonesty-listings', { body: dishonestyBody(enterpriseId, v) }));
      }
    },
    onMutate: () => setAlert(null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordsKey });
      void queryClient.invalidateQueries({ queryKey: eligibilityKey });
      void message.success(t('records.saved'));
      onClose();
    },
    onError: (e) => setAlert(applyProblemToForm(form, e, locale, kind ? fieldNames[kind] : [])),
  });

  const title =
    kind === 'accident' ? t('records.accident.add') : kind === 'penalty' ? t('records.penalty.add') : t('records.dishonesty.add');
  const dateInput = <DatePicker inputReadOnly disabledDate={notFuture} style={{ width: '100%' }} />;

  return (
    <Drawer
      open={kind !== null}
      title={title}
      onClose={onClose}
      size={screens.sm === false ? '100%' : 520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {kind === 'accident' ? (
          <>
            <Form.Item name="occurredOn" label={t('records.accident.occurredOn')} rules={[requiredValue]}>
              {dateInput}
            </Form.Item>
            <Form.Item name="grade" label={t('records.accident.grade')} rules={[requiredValue]}>
              <Select
                options={accidentGrades.map((g) => ({ value: g, label: t(gradeLabelKey(g)!) }))}
              />
            </Form.Item>
            <Space size={12} wrap>
              <Form.Item name="deaths" label={t('records.accident.deaths')} rules={[requiredValue]}>
                <InputNumber min={0} max={10000} precision={0} inputMode="numeric" />
              </Form.Item>
              <Form.Item name="seriousInjuries" label={t('records.accident.seriousInjuries')} rules={[requiredValue]}>
                <InputNumber min={0} max={10000} precision={0} inputMode="numeric" />
              </Form.Item>
            </Space>
            <Form.Item name="directLoss" label={t('records.accident.directLoss')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} inputMode="numeric" />
            </Form.Item>
            <Form.Item name="description" label={t('records.accident.description')}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </>
        ) : null}
        {kind === 'penalty' ? (
          <>
            <Form.Item name="authority" label={t('records.penalty.authority')} rules={[required]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="decisionNumber" label={t('records.penalty.decisionNumber')} rules={[required]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="decidedOn" label={t('records.penalty.decidedOn')} rules={[requiredValue]}>
              {dateInput}
            </Form.Item>
            <Form.Item name="violation" label={t('records.penalty.violation')} rules={[required]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="sanction" label={t('records.penalty.sanction')} rules={[required]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="workSafety" valuePropName="checked" extra={t('records.penalty.workSafetyHint')}>
              <Checkbox>{t('records.penalty.workSafety')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        {kind === 'dishonesty' ? (
          <>
            <Form.Item name="listedBy" label={t('records.dishonesty.listedBy')} rules={[required]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="fromDate" label={t('records.dishonesty.fromDate')} rules={[requiredValue]}>
              {dateInput}
            </Form.Item>
            <Form.Item
              name="toDate"
              label={t('records.dishonesty.toDate')}
              extra={t('records.dishonesty.toDateHint')}
              dependencies={['fromDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, value: Dayjs | null | undefined) => {
                    const from = getFieldValue('fromDate') as Dayjs | undefined;
                    return value && from && value.isBefore(from, 'day')
                      ? Promise.reject(new Error(t('records.dishonesty.toBeforeFrom')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker inputReadOnly style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="reason" label={t('records.dishonesty.reason')} rules={[required]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="source"
          label={t('records.field.source')}
          extra={t('records.field.sourceHint')}
          rules={[required]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
