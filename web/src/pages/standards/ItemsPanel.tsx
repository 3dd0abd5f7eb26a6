import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Collapse, Empty, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, call } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useI18n } from '../../i18n';
import { ItemBlock } from './ItemBlock';
import { ItemFormDrawer } from './ItemFormDrawer';
import { versionKey } from './queries';
import {
  filterItems,
  groupByModule,
  itemAnchor,
  moduleName,
  moveWithinModule,
  suggestItemCode,
  tagOptions,
  type ItemFilter,
  type StandardItem,
  type VersionDetail,
} from './standards-logic';

interface EditorState {
  open: boolean;
  item: StandardItem | null;
  defaults: { module?: string; code?: string };
  /** a new form each time the drawer opens */
  session: number;
}

/** Scroll to an item once its module panel has rendered. */
export function scrollToItem(code: string): void {
  setTimeout(() => {
    document.getElementById(itemAnchor(code))?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, 120);
}

/**
 * The items of a version grouped by module (5 common + industry modules), one collapsible section each. On a
 * draft the owning department edits inline: add, edit, delete (confirmed), move up / down within the module.
 */
export function ItemsPanel({
  version,
  problemCodes,
  openModules,
  onOpenModules,
}: {
  version: VersionDetail;
  problemCodes: ReadonlySet<string>;
  openModules: string[] | null;
  onOpenModules: (keys: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<ItemFilter>({});
  const [editor, setEditor] = useState<EditorState>({ open: false, item: null, defaults: {}, session: 0 });
  const canEdit = version.abilities?.edit === true;

  const shown = useMemo(() => filterItems(version.items, filter), [version.items, filter]);
  const groups = useMemo(() => groupByModule(shown, version.modules), [shown, version.modules]);
  const filtering = !!(filter.q?.trim() || filter.keyOnly || filter.tag);
  const visibleGroups = filtering || !canEdit ? groups.filter((g) => g.items.length > 0) : groups;
  const active = openModules ?? groups.filter((g) => g.items.length > 0).map((g) => g.module.code);

  const openEditor = (item: StandardItem | null, module?: string) =>
    setEditor((e) => ({
      open: true,
      item,
      defaults: { module, code: suggestItemCode(version.items) },
      session: e.session + 1,
    }));

  const reorder = useMutation({
    mutationFn: (codes: string[]) =>
      call(
        api.PUT('/api/standard-versions/{id}/order', {
          params: { path: { id: version.id } },
          body: { codes },
        }),
      ),
    onSuccess: (updated) => queryClient.setQueryData(versionKey(version.id), updated),
    onError: (error) => void message.error(problemMessage(error, locale)),
  });

  const remove = useMutation({
    mutationFn: (code: string) =>
      call(
        api.DELETE('/api/standard-versions/{id}/items/{code}', {
          params: { path: { id: version.id, code } },
        }),
      ),
    onSuccess: (updated, code) => {
      queryClient.setQueryData(versionKey(version.id), updated);
      void message.success(t('standards.item.deleted', { code }));
    },
    onError: (error) => void message.error(problemMessage(error, locale)),
  });

  const confirmDelete = (item: StandardItem) => {
    modal.confirm({
      title: t('standards.item.deleteTitle', { code: item.code }),
      content: <Typography.Paragraph ellipsis={{ rows: 3 }}>{item.requirement}</Typography.Paragraph>,
      okText: t('standards.item.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(item.code).catch(() => undefined),
    });
  };

  return (
    <div className="sc-std-items">
      <div className="sc-toolbar">
        <Space wrap className="sc-std-filters">
          <Input.Search
            allowClear
            placeholder={t('standards.filter.search')}
            className="sc-search"
            onSearch={(q) => setFilter((f) => ({ ...f, q }))}
            onChange={(e) => (e.target.value === '' ? setFilter((f) => ({ ...f, q: '' })) : undefined)}
          />
          <Select
            allowClear
            placeholder={t('standards.filter.tag')}
            value={filter.tag}
            onChange={(tag?: string) => setFilter((f) => ({ ...f, tag }))}
            options={tagOptions(locale)}
            className="sc-std-tag-filter"
            popupMatchSelectWidth={false}
          />
          <label className="sc-std-keyonly">
            <Switch
              size="small"
              checked={filter.keyOnly === true}
              onChange={(keyOnly) => setFilter((f) => ({ ...f, keyOnly }))}
            />
            <span>{t('standards.filter.keyOnly')}</span>
          </label>
        </Space>
        <div className="sc-std-items-tools">
          {filtering ? (
            <Typography.Text type="secondary">
              {t('standards.items.shown', { shown: shown.length, total: version.items.length })}
            </Typography.Text>
          ) : null}
          <Button size="small" onClick={() => onOpenModules(groups.map((g) => g.module.code))}>
            {t('standards.items.expandAll')}
          </Button>
          <Button size="small" onClick={() => onOpenModules([])}>
            {t('standards.items.collapseAll')}
          </Button>
          {canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor(null)}>
              {t('standards.item.add')}
            </Button>
          ) : null}
        </div>
      </div>
      {visibleGroups.length === 0 ? (
        <Empty description={filtering ? t('standards.items.noneMatch') : t('standards.items.none')} />
      ) : (
        <Collapse
          activeKey={active}
          onChange={(keys) => onOpenModules(Array.isArray(keys) ? keys : [keys])}
          className="sc-std-modules"
          items={visibleGroups.map((g, index) => ({
            key: g.module.code,
            label: (
              <Space size={[8, 4]} wrap>
                <span className="sc-std-module-name">
                  {index + 1}. {moduleName(g.module, locale)}
                </span>
                {g.unknown ? (
                  <Tag color="error">{t('standards.module.unknown')}</Tag>
                ) : g.module.common ? (
                  <Tag>{t('standards.module.common')}</Tag>
                ) : (
                  <Tag color="purple">{t('standards.module.industry')}</Tag>
                )}
              </Space>
            ),
            extra: (
              <Typography.Text type="secondary" className="sc-small">
                {t('standards.module.counts', { total: g.items.length, key: g.keyCount })}
              </Typography.Text>
            ),
            children: (
              <>
                {g.items.length === 0 ? (
                  <Typography.Paragraph type="secondary">{t('standards.module.empty')}</Typography.Paragraph>
                ) : (
                  g.items.map((item) => (
                    <ItemBlock
                      key={item.code}
                      item={item}
                      problem={problemCodes.has(item.code)}
                      editing={
                        canEdit
                          ? {
                              onEdit: () => openEditor(item),
                              onDelete: () => confirmDelete(item),
                              onMove: (direction) => {
                                const codes = moveWithinModule(version.items, item.code, direction);
                                if (codes) reorder.mutate(codes);
                              },
                              canUp: !filtering && moveWithinModule(version.items, item.code, 'up') !== null,
                              canDown:
                                !filtering && moveWithinModule(version.items, item.code, 'down') !== null,
                              busy: reorder.isPending,
                            }
                          : undefined
                      }
                    />
                  ))
                )}
                {canEdit && !g.unknown ? (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => openEditor(null, g.module.code)}
                  >
                    {t('standards.item.addTo', { module: moduleName(g.module, locale) })}
                  </Button>
                ) : null}
              </>
            ),
          }))}
        />
      )}
      {canEdit ? (
        <ItemFormDrawer
          key={editor.session}
          version={version}
          item={editor.item}
          defaults={editor.defaults}
          open={editor.open}
          onClose={() => setEditor((e) => ({ ...e, open: false }))}
          onSaved={(code, module) => {
            const isNew = editor.item === null;
            if (!active.includes(module)) onOpenModules([...active, module]);
            setEditor((e) => ({ ...e, open: false }));
            void message.success(
              isNew ? t('standards.item.added', { code }) : t('standards.item.saved', { code }),
            );
            scrollToItem(code);
          }}
        />
      ) : null}
    </div>
  );
}
