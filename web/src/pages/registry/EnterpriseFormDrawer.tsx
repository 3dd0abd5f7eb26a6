import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from 'antd';
import { useEffect, useState } from 'react';
import { normaliseUscc } from '../../../../domain/uscc';
import { api, call } from '../../api/client';
import { isApiProblem, problemMessage } from '../../api/problem';
import { useSession } from '../../auth/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { applyProblemToForm } from '../../components/form-problem';
import { useI18n } from '../../i18n';
import { IndustrySelect } from './IndustrySelect';
import { registryKey, useParks, useSubdistricts } from './queries';
import {
  contactFieldNames,
  createEnterpriseBody,
  enterpriseFieldNames,
  enterprisePatch,
  formValuesOf,
  lockedSubdistrict,
  registrableSubdistricts,
  scaleOptions,
  statusOptions,
  usccFinalProblem,
  usccMessage,
  usccTypingProblem,
  type EnterpriseDetail,
  type EnterpriseFormValues,
} from './registry-logic';

type Props =
  | {
      mode: 'create';
      open: boolean;
      enterprise?: undefined;
      onClose: () => void;
      onSaved: (e: EnterpriseDetail) => void;
    }
  | {
      mode: 'edit';
      open: boolean;
      enterprise: EnterpriseDetail;
      onClose: () => void;
      onSaved: (e: EnterpriseDetail) => void;
    };

/**
 * Register an enterprise, or edit one: every field for a registrar (`abilities.update`), only the contacts and
 * the safety manager for the enterprise itself (`abilities.updateContacts`). The USCC is checked as it is typed
 * (domain/uscc.ts); the server's field errors land under their fields.
 */
export function EnterpriseFormDrawer(props: Props) {
  const { mode, open, enterprise, onClose, onSaved } = props;
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useSession();
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<EnterpriseFormValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const contactsOnly =
    mode === 'edit' && !enterprise.abilities.update && enterprise.abilities.updateContacts === true;
  const locked = lockedSubdistrict(me.roles);
  const allowedSubs = registrableSubdistricts(me.roles);
  const subdistricts = useSubdistricts();
  const parks = useParks(undefined, open && !contactsOnly);
  const uscc = Form.useWatch('uscc', form) ?? '';
  const subdistrictId = Form.useWatch('subdistrictId', form);

  useEffect(() => {
    if (open) setAlert(null);
  }, [open]);
  // the drawer's content is destroyed when hidden, so the form starts from these values at every opening
  const initialValues: Partial<EnterpriseFormValues> =
    mode === 'edit'
      ? formValuesOf(enterprise)
      : { operatingStatus: 'operating', subdistrictId: locked ?? undefined };

  const save = useMutation({
    mutationFn: async (values: EnterpriseFormValues) => {
      if (mode === 'create')
        return call(api.POST('/api/enterprises', { body: createEnterpriseBody(values) }));
      const patch = enterprisePatch(
        enterprise,
        values,
        contactsOnly ? contactFieldNames : enterpriseFieldNames,
      );
      if (Object.keys(patch).length === 0) return null;
      return call(
        api.PATCH('/api/enterprises/{id}', { params: { path: { id: enterprise.id } }, body: patch }),
      );
    },
    onMutate: () => setAlert(null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: registryKey });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      if (!saved) {
        void message.info(t('registry.edit.nothingChanged'));
        onClose();
        return;
      }
      onSaved(saved);
    },
    onError: (error) => {
      // a USCC already registered belongs next to the USCC field too
      if (isApiProblem(error) && error.code === 'ENTERPRISE_USCC_TAKEN') {
        form.setFields([{ name: 'uscc', errors: [problemMessage(error, locale)] }]);
        setAlert(null);
      } else {
        setAlert(applyProblemToForm(form, error, locale, enterpriseFieldNames));
      }
      // show the first field the server refused (or the alert at the top)
      const first = form.getFieldsError().find((f) => f.errors.length > 0);
      if (first) form.scrollToField(first.name, { block: 'center' });
    },
  });

  const usccTyped = normaliseUscc(uscc);
  const subdistrictOptions = (subdistricts.data ?? [])
    .filter((u) => allowedSubs === null || allowedSubs.includes(u.id) || u.id === enterprise?.subdistrictId)
    .map((u) => ({ value: u.id, label: u.name }));
  const parkOptions = (parks.data ?? []).map((p) => ({
    value: p.id,
    label: p.subdistrictId === subdistrictId ? p.name : `${p.name}（${p.subdistrictName}）`,
  }));
  if (enterprise?.parkId && enterprise.parkName && !parkOptions.some((o) => o.value === enterprise.parkId)) {
    parkOptions.unshift({ value: enterprise.parkId, label: enterprise.parkName });
  }
  const half = compact ? 24 : 12;

  const contactFields = (
    <Row gutter={16}>
      <Col span={half}>
        <Form.Item name="contactName" label={t('registry.field.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="contactPhone" label={t('registry.field.contactPhone')}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="safetyManagerName" label={t('registry.field.safetyManagerName')}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="safetyManagerPhone" label={t('registry.field.safetyManagerPhone')}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
      </Col>
    </Row>
  );

  return (
    <Drawer
      title={
        mode === 'create'
          ? t('registry.create.title')
          : contactsOnly
            ? t('registry.edit.contactsTitle', { name: enterprise.name })
            : t('registry.edit.title', { name: enterprise.name })
      }
      open={open}
      onClose={onClose}
      size={compact ? '100%' : 720}
      destroyOnHidden
      footer={
        <Space className="sc-drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {mode === 'create' ? t('registry.create.submit') : t('common.save')}
          </Button>
        </Space>
      }
    >
      {alert ? <Alert type="error" showIcon title={alert} className="sc-form-alert" /> : null}
      <Form<EnterpriseFormValues>
        form={form}
        name={mode === 'create' ? 'create-enterprise' : 'edit-enterprise'}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => save.mutate(v)}
        disabled={save.isPending}
        scrollToFirstError
      >
        {contactsOnly ? (
          <>
            <Alert type="info" showIcon title={t('registry.edit.contactsHint')} className="sc-form-alert" />
            {contactFields}
          </>
        ) : (
          <>
            <Divider titlePlacement="start">{t('registry.section.identity')}</Divider>
            <Form.Item
              name="uscc"
              label={t('registry.field.uscc')}
              validateTrigger={['onChange', 'onBlur']}
              normalize={(v: string) => v.toUpperCase()}
              extra={
                usccTyped.length > 0 && usccTyped.length < 18 && !usccTypingProblem(uscc)
                  ? t('registry.uscc.typed', { n: usccTyped.length })
                  : t('registry.uscc.hint')
              }
              rules={[
                { required: true, whitespace: true, message: t('registry.field.usccRequired') },
                {
                  validateTrigger: 'onChange',
                  validator: async (_, value: string | undefined) => {
                    const p = usccTypingProblem(value ?? '');
                    if (p) throw new Error(usccMessage(p, locale, t));
                  },
                },
                {
                  validateTrigger: 'onBlur',
                  validator: async (_, value: string | undefined) => {
                    // what the typing rule already says is not said twice
                    const p = usccTypingProblem(value ?? '') ? null : usccFinalProblem(value ?? '');
                    if (p) throw new Error(usccMessage(p, locale, t));
                  },
                },
              ]}
            >
              <Input
                maxLength={24}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                className="sc-mono"
                placeholder="91330302XXXXXXXXXX"
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('registry.field.name')}
              rules={[{ required: true, whitespace: true, message: t('registry.field.nameRequired') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Row gutter={16}>
              <Col span={half}>
                <Form.Item
                  name="legalRepresentative"
                  label={t('registry.field.legalRepresentative')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('registry.field.legalRepresentativeRequired'),
                    },
                  ]}
                >
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={half}>
                <Form.Item name="operatingStatus" label={t('registry.field.operatingStatus')}>
                  <Select options={statusOptions(locale)} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="registeredAddress" label={t('registry.field.registeredAddress')}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="operatingAddress" label={t('registry.field.operatingAddress')}>
              <Input maxLength={300} />
            </Form.Item>

            <Divider titlePlacement="start">{t('registry.section.classification')}</Divider>
            <Row gutter={16}>
              <Col span={half}>
                <Form.Item
                  name="subdistrictId"
                  label={t('registry.field.subdistrict')}
                  rules={[{ required: true, message: t('registry.field.subdistrictRequired') }]}
                  extra={locked ? t('registry.field.subdistrictLocked') : undefined}
                >
                  <Select
                    options={subdistrictOptions}
                    disabled={locked !== null}
                    loading={subdistricts.isPending}
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('registry.filter.subdistrict')}
                  />
                </Form.Item>
              </Col>
              <Col span={half}>
                <Form.Item
                  name="industryCode"
                  label={t('registry.field.industry')}
                  rules={[{ required: true, message: t('registry.field.industryRequired') }]}
                >
                  <IndustrySelect allowClear={false} placeholder={t('registry.field.industryPick')} />
                </Form.Item>
              </Col>
              <Col span={half}>
                <Form.Item
                  name="scale"
                  label={t('registry.field.scale')}
                  rules={[{ required: true, message: t('registry.field.scaleRequired') }]}
                >
                  <Select options={scaleOptions(locale)} placeholder={t('registry.filter.scale')} />
                </Form.Item>
              </Col>
              <Col span={half}>
                <Form.Item name="employeeCount" label={t('registry.field.employeeCount')}>
                  <InputNumber min={0} max={1_000_000} precision={0} className="sc-full-width" />
                </Form.Item>
              </Col>
            </Row>

            <Divider titlePlacement="start">{t('registry.section.place')}</Divider>
            <Form.Item name="parkId" label={t('registry.field.park')} extra={t('registry.field.parkHint')}>
              <Select
                allowClear
                options={parkOptions}
                loading={parks.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('registry.field.parkPick')}
              />
            </Form.Item>
            <Form.Item
              name="hostEnterpriseId"
              label={t('registry.field.hostEnterprise')}
              extra={t('registry.field.hostHint')}
            >
              <EnterpriseSelect label={enterprise?.hostName} excludeId={enterprise?.id} />
            </Form.Item>

            <Divider titlePlacement="start">{t('registry.section.contacts')}</Divider>
            {contactFields}
          </>
        )}
      </Form>
    </Drawer>
  );
}
