import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { useIndustries } from './queries';
import { buildIndustryTree } from './registry-logic';

/**
 * A GB/T 4754-2017 code from the tree of sections, divisions, groups and classes; searchable by code or name.
 * Sections only group (an enterprise's code is numeric); any numeric level may be chosen — as a filter it
 * matches its sub-codes.
 */
export function IndustrySelect({
  id,
  value,
  onChange,
  placeholder,
  className,
  allowClear = true,
}: {
  id?: string;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  className?: string;
  allowClear?: boolean;
}) {
  const { t } = useI18n();
  const industries = useIndustries();
  const tree = useMemo(() => buildIndustryTree(industries.data ?? []), [industries.data]);
  return (
    <TreeSelect
      id={id}
      className={className}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v)}
      treeData={tree}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('registry.filter.industry')}
      loading={industries.isPending}
      notFoundContent={industries.isError ? t('common.loadFailed') : undefined}
      popupMatchSelectWidth={false}
      treeNodeLabelProp="title"
      listHeight={360}
    />
  );
}
