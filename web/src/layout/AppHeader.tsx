import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Space, Tag, Typography, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { useLogout, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { roleText } from '../labels';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

/** Jurisdiction, the user with their roles, language, change password, logout. */
export function AppHeader({ compact, onOpenMenu }: { compact: boolean; onOpenMenu: () => void }) {
  const me = useSession();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  const roleNames = [...new Set(me.roles.map((r) => roleText(r.role, locale)))];

  const items: MenuProps['items'] = [
    {
      key: 'roles',
      type: 'group',
      label: t('header.rolesOf', { name: me.user.displayName }),
      children: me.roles.map((r, i) => ({
        key: `role:${i}`,
        disabled: true,
        label: (
          <span className="sc-role-line">
            {roleText(r.role, locale)}
            {r.unitName ? <Typography.Text type="secondary"> · {r.unitName}</Typography.Text> : null}
          </span>
        ),
      })),
    },
    { type: 'divider' },
    ...(compact
      ? [{ key: 'language', label: <LanguageSwitch size="small" /> }, { type: 'divider' as const }]
      : []),
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: t('header.logout') },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate('/account/password');
    if (key === 'logout') logout.mutate();
  };

  return (
    <Layout.Header className="sc-header">
      <Space size={compact ? 8 : 16} className="sc-header-left">
        {compact ? (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('header.openMenu')}
            onClick={onOpenMenu}
          />
        ) : null}
        <Typography.Text strong className="sc-header-title" ellipsis>
          {compact ? me.jurisdiction.name : t('header.jurisdiction', { name: me.jurisdiction.name })}
        </Typography.Text>
      </Space>
      <Space size={compact ? 4 : 16} className="sc-header-right">
        {compact ? null : <LanguageSwitch />}
        <NotificationBell compact={compact} />
        <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
          <Button type="text" className="sc-user-button" aria-label={t('header.userMenu')}>
            <Avatar size="small" icon={<UserOutlined />} />
            <span className="sc-user-name">{me.user.displayName}</span>
            {compact ? null : (
              <span className="sc-user-roles">
                {roleNames.slice(0, 2).map((name) => (
                  <Tag key={name} color="blue" variant="filled">
                    {name}
                  </Tag>
                ))}
                {roleNames.length > 2 ? <Tag>+{roleNames.length - 2}</Tag> : null}
              </span>
            )}
            <DownOutlined className="sc-user-caret" />
          </Button>
        </Dropdown>
      </Space>
    </Layout.Header>
  );
}
