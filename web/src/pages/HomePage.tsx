import { Card, Col, List, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { roleText, unitKindText } from '../labels';
import { flattenMenu, useVisibleMenu } from '../menu-context';
import { EnterpriseHome } from './readiness/EnterpriseHome';

function greetingKey(hour: number) {
  if (hour < 6) return 'home.greeting.night' as const;
  if (hour < 12) return 'home.greeting.morning' as const;
  if (hour < 18) return 'home.greeting.afternoon' as const;
  return 'home.greeting.evening' as const;
}

/** Who you are here: your roles and the units they bind you to, and the pages they open. */
export default function HomePage() {
  const me = useSession();
  const { t, locale } = useI18n();
  const shortcuts = flattenMenu(useVisibleMenu()).filter((e) => e.path !== '/');

  return (
    <div className="sc-page">
      <Typography.Title level={3} className="sc-page-title">
        {t(greetingKey(new Date().getHours()), { name: me.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('home.intro', { jurisdiction: me.jurisdiction.name })}
      </Typography.Paragraph>
      {me.roles.some((r) => r.role === 'enterprise_user') ? <EnterpriseHome /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('home.roles')}>
            <List
              dataSource={me.roles}
              locale={{ emptyText: t('home.noRoles') }}
              renderItem={(r) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Tag color="blue">{roleText(r.role, locale)}</Tag>}
                    description={t('home.roleUnit', {
                      kind: unitKindText(r.unitKind, locale),
                      unit: r.unitName || '—',
                    })}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.shortcuts')}>
            <List
              dataSource={shortcuts}
              locale={{ emptyText: t('home.noShortcuts') }}
              renderItem={(e) => (
                <List.Item>
                  <Link to={e.path}>
                    <span className="sc-shortcut-icon">{e.icon}</span>
                    {t(e.label)}
                  </Link>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
