/**
 * The signed-in user. `RequireAuth` loads /api/me once for every private page and provides it; pages read it
 * with `useSession()` (never null there) and decide visibility with `useAccess()`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { createContext, useContext, useMemo } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { Access } from '../access';
import { api, call, loginPath, setCsrfToken } from '../api/client';
import { isApiProblem, problemMessage } from '../api/problem';
import type { Me } from '../api/types';
import { useI18n } from '../i18n';

export const meQueryKey = ['me'] as const;

export function useMeQuery() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async () => {
      const me = await call(api.GET('/api/me'));
      setCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: 5 * 60_000,
    retry: (failures, error) =>
      !(isApiProblem(error) && error.status > 0 && error.status < 500) && failures < 2,
  });
}

const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside RequireAuth');
  return me;
}

export function useAccess(): Access {
  const me = useSession();
  return useMemo(() => ({ roles: me.roles.map((r) => r.role), abilities: me.abilities }), [me]);
}

/** Private pages: wait for /api/me; without a session go to the login page; a forced password change comes first. */
export function RequireAuth() {
  const me = useMeQuery();
  const location = useLocation();
  const { t, locale } = useI18n();
  const here = location.pathname + location.search;

  if (me.isPending) {
    return (
      <div className="sc-fullpage-center">
        <Spin size="large" />
      </div>
    );
  }
  if (me.isError) {
    const error = me.error;
    if (isApiProblem(error) && error.status === 401) {
      return (
        <Navigate
          to={loginPath(error.code === 'AUTH_SESSION_EXPIRED' ? 'expired' : 'required', here)}
          replace
        />
      );
    }
    return (
      <Result
        status="error"
        title={t('session.loadFailed')}
        subTitle={problemMessage(error, locale)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (me.data.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return (
    <SessionContext.Provider value={me.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => call(api.POST('/api/auth/logout')),
    // leave even when the server call fails: the session is then already gone or unreachable
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      void navigate('/login', { replace: true });
    },
  });
}
