import { FileSearchOutlined, NotificationOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';

const tiles: { to: string; icon: ReactNode; title: MessageKey; desc: MessageKey }[] = [
  {
    to: '/public/whitelist',
    icon: <SafetyCertificateOutlined />,
    title: 'public.home.whitelist',
    desc: 'public.home.whitelistDesc',
  },
  {
    to: '/public/notices',
    icon: <NotificationOutlined />,
    title: 'public.home.notices',
    desc: 'public.home.noticesDesc',
  },
  {
    to: '/public/verify',
    icon: <FileSearchOutlined />,
    title: 'public.home.verify',
    desc: 'public.home.verifyDesc',
  },
];

/** /public: what a visitor can do here, one tile each, and the way to the staff login. */
export default function PublicHomePage() {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Paragraph className="sc-pub-intro">{t('public.home.intro')}</Typography.Paragraph>
      <div className="sc-pub-tiles">
        {tiles.map((tile) => (
          <Link key={tile.to} to={tile.to} className="sc-pub-tile">
            <span className="sc-pub-tile-icon">{tile.icon}</span>
            <span>
              <div className="sc-pub-tile-title">{t(tile.title)}</div>
              <div className="sc-pub-tile-desc">{t(tile.desc)}</div>
            </span>
          </Link>
        ))}
      </div>
      <div className="sc-pub-staff">
        {t('public.home.staff')} <Link to="/login">{t('public.nav.login')}</Link>
      </div>
    </div>
  );
}
