import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { LoginLogTab } from './LoginLogTab';
import { UsersTab } from './UsersTab';

/** System administrator: users and role bindings, and the login log. The tab is kept in the URL. */
export default function UsersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'login-log' ? 'login-log' : 'users';
  return (
    <Card className="sc-page-card">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'users' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'users', label: t('users.tab.users'), children: <UsersTab /> },
          { key: 'login-log', label: t('users.tab.loginLog'), children: <LoginLogTab /> },
        ]}
      />
    </Card>
  );
}
