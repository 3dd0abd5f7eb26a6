import { LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import './public.css';

const nav: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/public', label: 'public.nav.home', end: true },
  { to: '/public/whitelist', label: 'public.nav.whitelist' },
  { to: '/public/notices', label: 'public.nav.notices' },
  { to: '/public/verify', label: 'public.nav.verify' },
];

/** The frame of the public pages: no session, no side menu; the title, four links, the language, 登录. */
export default function PublicLayout() {
  const { t } = useI18n();
  return (
    <div className="sc-pub">
      <header className="sc-pub-header">
        <div className="sc-pub-bar">
          <Link to="/public" className="sc-pub-brand">
            <SafetyCertificateOutlined className="sc-pub-logo" />
            <span>{t('public.title')}</span>
          </Link>
          <LanguageSwitch size="small" />
        </div>
        <nav className="sc-pub-nav" aria-label={t('public.title')}>
          {nav.map((n) => (
            <NavLink key={n.to} to={n.to} end={n.end} className="sc-pub-nav-link">
              {t(n.label)}
            </NavLink>
          ))}
          <Link to="/login" className="sc-pub-nav-link sc-pub-login">
            <LoginOutlined /> {t('public.nav.login')}
          </Link>
        </nav>
      </header>
      <main className="sc-pub-main">
        <Suspense
          fallback={
            <div className="sc-page-loading">
              <Spin />
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="sc-pub-footer">{t('public.footer')}</footer>
    </div>
  );
}
