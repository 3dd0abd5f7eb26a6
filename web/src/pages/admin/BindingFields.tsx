import { Form, Select, type FormInstance } from 'antd';
import { roles } from '../../../../domain/roles';
import { useI18n } from '../../i18n';
import { roleText } from '../../labels';
import { unitChoice, UnitPicker } from './UnitPicker';

export interface BindingValue {
  role?: string;
  unitId?: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function useRoleOptions() {
  const { locale } = useI18n();
  return roles.map((r) => ({ value: r, label: roleText(r, locale) }));
}

/**
 * A role and its unit, side by side: a whole form (`list` absent) or one row of a `Form.List` (`list` gives
 * the list's name and the row's index). Changing the role clears the unit, which depends on it.
 */
export function BindingFields({
  form,
  list,
}: {
  form: FormInstance;
  list?: { name: string; index: number };
}) {
  const { t } = useI18n();
  const roleOptions = useRoleOptions();
  // Form.Item names are relative to the list; watching and setting need the full path
  const itemPath = (field: string) => (list ? [list.index, field] : [field]);
  const fullPath = (field: string) => (list ? [list.name, list.index, field] : [field]);
  const role = Form.useWatch(fullPath('role'), form) as string | undefined;

  return (
    <div className="sc-binding-fields">
      <Form.Item
        name={itemPath('role')}
        label={t('users.binding.role')}
        rules={[{ required: true, message: t('users.binding.roleRequired') }]}
        className="sc-binding-role"
      >
        <Select
          options={roleOptions}
          placeholder={t('users.binding.pickRole')}
          onChange={() => form.setFieldValue(fullPath('unitId'), undefined)}
        />
      </Form.Item>
      <Form.Item
        name={itemPath('unitId')}
        label={t('users.binding.unit')}
        className="sc-binding-unit"
        extra={unitChoice(role) === 'id' ? t('users.binding.unitIdHint') : undefined}
        rules={[
          { required: true, message: t('users.binding.unitRequired') },
          {
            validator: (_, value?: string) =>
              unitChoice(role) !== 'id' || !value || uuidPattern.test(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('users.binding.unitIdInvalid'))),
          },
        ]}
      >
        <UnitPicker role={role} />
      </Form.Item>
    </div>
  );
}
