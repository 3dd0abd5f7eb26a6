import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { allows } from './access';
import { loginPath, setAuthLostHandler } from './api/client';
import { isApiProblem } from './api/problem';
import { RequireAuth, useAccess } from './auth/session';
import { I18nProvider, useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { menuEntries, type MenuEntry } from './menu';
import { ForbiddenPage, NotFoundPage } from './pages/ErrorPages';
import { publicRoutes } from './pages/public/routes';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const ActivatePage = lazy(() => import('./pages/ActivatePage'));
const ForcedPasswordPage = lazy(() => import('./pages/account/ForcedPasswordPage'));
const ChangePasswordPage = lazy(() => import('./pages/account/ChangePasswordPage'));

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx answers do not get better by asking again; network and 5xx get two more tries
        retry: (failures, error) =>
          !(isApiProblem(error) && error.status >= 400 && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
    },
  });
}

/** A route of menu.tsx: the page, or 403 when the user lacks what it requires. */
function Gate({ entry }: { entry: MenuEntry }) {
  const access = useAccess();
  if (!allows(entry.requires, access)) return <ForbiddenPage />;
  const Page = entry.page;
  return <Page />;
}

/** On "log in again" answers from the API, go to the login page inside the router (keeps the SPA state sane). */
function AuthLostRedirect({ queryClient }: { queryClient: QueryClient }) {
  const navigate = useNavigate();
  useEffect(() => {
    setAuthLostHandler((reason) => {
      if (window.location.pathname === '/login') return;
      const next = window.location.pathname + window.location.search;
      queryClient.clear();
      void navigate(loginPath(reason, next), { replace: true });
    });
  }, [navigate, queryClient]);
  return null;
}

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{ algorithm: theme.defaultAlgorithm, token: { colorPrimary: '#1f5fbf', borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={null}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/activate" element={<ActivatePage />} />
        {/* the public portal (/public/…): no login, so outside RequireAuth */}
        {publicRoutes}
        <Route element={<RequireAuth />}>
          <Route path="/change-password" element={<ForcedPasswordPage />} />
          <Route element={<AppLayout />}>
            {menuEntries.map((entry) => (
              <Route key={entry.key} path={entry.path} element={<Gate entry={entry} />} />
            ))}
            <Route path="/account/password" element={<ChangePasswordPage />} />
            <Route path="/403" element={<ForbiddenPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}

export default function App({ queryClient: given }: { queryClient?: QueryClient }) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  return (
    <I18nProvider>
      <Themed>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthLostRedirect queryClient={queryClient} />
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </Themed>
    </I18nProvider>
  );
}
