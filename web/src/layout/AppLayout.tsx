import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Drawer, Grid, Layout, Spin } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { buildMenu } from '../access';
import { useAccess } from '../auth/session';
import { useI18n } from '../i18n';
import { menuEntries } from '../menu';
import { VisibleMenuContext } from '../menu-context';
import { AppHeader } from './AppHeader';
import { SideMenu } from './SideMenu';

const collapsedKey = 'safecomply.siderCollapsed';

function Brand({ collapsed, dark }: { collapsed: boolean; dark: boolean }) {
  const { t } = useI18n();
  return (
    <div className={`sc-brand ${dark ? 'sc-brand-dark' : ''}`} title={t('app.name')}>
      <SafetyCertificateOutlined className="sc-brand-icon" />
      {collapsed ? null : <span className="sc-brand-name">{t('app.name')}</span>}
    </div>
  );
}

/**
 * The frame of every private page. On a desktop the menu is a collapsible sider; under 768 px (md) it moves
 * into a drawer opened from the header, so a phone keeps the full width for the page.
 */
export function AppLayout() {
  const screens = Grid.useBreakpoint();
  // useBreakpoint is empty on the first render: assume a desktop until it says otherwise
  const compact = screens.md === false;
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(collapsedKey) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const access = useAccess();
  const menu = useMemo(() => buildMenu(menuEntries, access), [access]);

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const onCollapse = (value: boolean) => {
    setCollapsed(value);
    localStorage.setItem(collapsedKey, value ? '1' : '0');
  };

  return (
    <VisibleMenuContext.Provider value={menu}>
      <Layout className="sc-app">
        {compact ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            closable={false}
            styles={{ body: { padding: 0 } }}
            title={<Brand collapsed={false} dark={false} />}
          >
            <SideMenu theme="light" onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider
            collapsible
            collapsed={collapsed}
            onCollapse={onCollapse}
            width={224}
            className="sc-sider"
          >
            <Brand collapsed={collapsed} dark />
            <SideMenu theme="dark" />
          </Layout.Sider>
        )}
        <Layout className="sc-main">
          <AppHeader compact={compact} onOpenMenu={() => setDrawerOpen(true)} />
          <Layout.Content className={compact ? 'sc-content sc-content-compact' : 'sc-content'}>
            <Suspense
              fallback={
                <div className="sc-page-loading">
                  <Spin />
                </div>
              }
            >
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </VisibleMenuContext.Provider>
  );
}
