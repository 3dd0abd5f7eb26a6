import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { entryForPath } from '../access';
import { useI18n } from '../i18n';
import { menuEntries, menuGroups } from '../menu';
import { useVisibleMenu } from '../menu-context';

type Item = Required<MenuProps>['items'][number];

/** The side menu: the entries of menu.tsx this user may see. */
export function SideMenu({ theme, onNavigate }: { theme: 'dark' | 'light'; onNavigate?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();

  const nodes = useVisibleMenu();
  const items = useMemo<Item[]>(
    () =>
      nodes.map((node): Item => {
        if (node.type === 'item') {
          return { key: node.entry.path, icon: node.entry.icon, label: t(node.entry.label) };
        }
        const group = menuGroups[node.key as keyof typeof menuGroups];
        return {
          key: `group:${node.key}`,
          icon: group.icon,
          label: t(group.label),
          children: node.children.map((e) => ({ key: e.path, icon: e.icon, label: t(e.label) })),
        };
      }),
    [nodes, t],
  );
  const current = entryForPath(menuEntries, location.pathname);
  const openKeys = nodes.filter((n) => n.type === 'group').map((n) => `group:${n.key}`);

  return (
    <Menu
      mode="inline"
      theme={theme}
      items={items}
      selectedKeys={current ? [current.path] : []}
      defaultOpenKeys={openKeys}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
