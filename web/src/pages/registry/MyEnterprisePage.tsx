import { Card, List, Result } from 'antd';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { EnterpriseDetailView } from './EnterpriseDetailPage';
import { ownEnterpriseIds } from './registry-logic';

/**
 * 本企业信息: an enterprise user's own enterprise (the unit of its enterprise_user binding). A user bound to
 * several enterprises picks one.
 */
export default function MyEnterprisePage() {
  const me = useSession();
  const { t } = useI18n();
  const ids = ownEnterpriseIds(me.roles);
  if (ids.length === 0) return <Result status="info" title={t('registry.own.none')} />;
  if (ids.length === 1) return <EnterpriseDetailView id={ids[0]} own />;
  return (
    <Card title={t('registry.own.pick')} className="sc-page-card">
      <List
        dataSource={me.roles.filter((r) => r.role === 'enterprise_user')}
        renderItem={(r) => (
          <List.Item>
            <Link to={`/enterprises/${r.unitId}`}>{r.unitName || r.unitId}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
