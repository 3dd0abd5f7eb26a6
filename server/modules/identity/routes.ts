import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { jurisdictions } from '../../db/schema/identity.js';
import { abilities, authorize } from '../../platform/access/policy.js';
import { allJurisdictionAbilities } from '../../platform/access/jurisdiction-abilities.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, Ok, responses, Uuid } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { changeOwnPassword } from './commands/change-password.js';
import { createUser } from './commands/create-user.js';
import { addBinding, removeBinding } from './commands/bindings.js';
import { login } from './commands/login.js';
import { logout } from './commands/logout.js';
import { resetPassword, unlockUser } from './commands/reset-password.js';
import { updateUser } from './commands/update-user.js';
import { jurisdictionAbilities, userPolicy } from './policy.js';
import { getUser, listLoginLog, listUnits, listUsers } from './queries.js';
import * as S from './schemas.js';

const tags = ['identity'];

export function identityRoutes({ app, db }: ModuleContext): void {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '登录',
        body: S.LoginBody,
        response: responses({ 200: S.LoginResponse, 423: Type.Ref('Problem') }),
      },
    },
    async (req, reply) => {
      const result = await login(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
      });
      return { csrfToken: result.csrfToken, mustChangePassword: result.mustChangePassword };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: '退出登录', response: responses({ 200: Ok }) } },
    async (req, reply) => {
      await logout(db, actorOf(req), req.session!.id, req.ip);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    { schema: { tags, summary: '当前用户、角色与权限', response: responses({ 200: S.MeView }) } },
    async (req) => {
      const actor = actorOf(req);
      const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, actor.jurisdictionId));
      const user = await getUser(db, actor, actor.userId);
      return {
        user: {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          mustChangePassword: user?.mustChangePassword ?? false,
        },
        jurisdiction: { id: j.id, code: j.code, name: j.name },
        roles: actor.bindings,
        csrfToken: req.session!.csrfToken,
        abilities: allJurisdictionAbilities(actor),
      };
    },
  );

  app.post(
    '/api/me/password',
    {
      schema: { tags, summary: '修改本人密码', body: S.ChangePasswordBody, response: responses({ 200: Ok }) },
    },
    async (req) => {
      await changeOwnPassword(db, actorOf(req), { ...req.body, sessionId: req.session!.id });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: '部门与街镇',
        querystring: Type.Object({
          kind: Type.Optional(Type.Union([Type.Literal('department'), Type.Literal('subdistrict')])),
        }),
        response: responses({ 200: Type.Array(S.UnitView) }),
      },
    },
    async (req) => listUnits(db, actorOf(req), req.query.kind),
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: '用户列表',
        querystring: S.UserListQuery,
        response: responses({ 200: S.UserList }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!jurisdictionAbilities(actor).manageUsers) throw new AppError('FORBIDDEN');
      const page = await listUsers(db, actor, {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      });
      return {
        total: page.total,
        items: page.items.map((u) => ({ ...u, abilities: abilities(userPolicy, actor, u) })),
      };
    },
  );

  app.post(
    '/api/users',
    {
      schema: { tags, summary: '新建用户', body: S.CreateUserBody, response: responses({ 201: S.UserView }) },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!jurisdictionAbilities(actor).manageUsers) throw new AppError('FORBIDDEN');
      const { id } = await createUser(db, actor, { ...req.body, jurisdictionId: actor.jurisdictionId });
      const user = (await getUser(db, actor, id))!;
      return reply.status(201).send({ ...user, abilities: abilities(userPolicy, actor, user) });
    },
  );

  const loadUser = async (actor: ReturnType<typeof actorOf>, id: string) => {
    const user = await getUser(db, actor, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
  };

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: '用户详情', params: IdParams, response: responses({ 200: S.UserView }) } },
    async (req) => {
      const actor = actorOf(req);
      const user = await loadUser(actor, req.params.id);
      authorize(userPolicy, actor, 'read', user);
      return { ...user, abilities: abilities(userPolicy, actor, user) };
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: '修改用户',
        params: IdParams,
        body: S.UpdateUserBody,
        response: responses({ 200: S.UserView }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(userPolicy, actor, 'update', await loadUser(actor, req.params.id));
      await updateUser(db, actor, req.params.id, req.body);
      const user = await loadUser(actor, req.params.id);
      return { ...user, abilities: abilities(userPolicy, actor, user) };
    },
  );

  app.post(
    '/api/users/:id/password-reset',
    {
      schema: {
        tags,
        summary: '重置用户密码',
        params: IdParams,
        body: S.ResetPasswordBody,
        response: responses({ 200: Ok }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(userPolicy, actor, 'resetPassword', await loadUser(actor, req.params.id));
      await resetPassword(db, actor, req.params.id, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/users/:id/unlock',
    { schema: { tags, summary: '解除锁定', params: IdParams, response: responses({ 200: Ok }) } },
    async (req) => {
      const actor = actorOf(req);
      authorize(userPolicy, actor, 'unlock', await loadUser(actor, req.params.id));
      await unlockUser(db, actor, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/users/:id/bindings',
    {
      schema: {
        tags,
        summary: '添加角色绑定',
        params: IdParams,
        body: S.BindingInput,
        response: responses({ 201: S.UserView }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(userPolicy, actor, 'manageBindings', await loadUser(actor, req.params.id));
      await addBinding(db, actor, req.params.id, req.body);
      const user = await loadUser(actor, req.params.id);
      return reply.status(201).send({ ...user, abilities: abilities(userPolicy, actor, user) });
    },
  );

  app.delete(
    '/api/users/:id/bindings/:bindingId',
    {
      schema: {
        tags,
        summary: '移除角色绑定',
        params: Type.Object({ id: Uuid, bindingId: Uuid }),
        response: responses({ 200: S.UserView }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(userPolicy, actor, 'manageBindings', await loadUser(actor, req.params.id));
      await removeBinding(db, actor, req.params.id, req.params.bindingId);
      const user = await loadUser(actor, req.params.id);
      return { ...user, abilities: abilities(userPolicy, actor, user) };
    },
  );

  app.get(
    '/api/login-log',
    {
      schema: {
        tags,
        summary: '登录日志',
        querystring: S.LoginLogQuery,
        response: responses({ 200: S.LoginLogList }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!jurisdictionAbilities(actor).manageUsers) throw new AppError('FORBIDDEN');
      return listLoginLog(db, actor, {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      });
    },
  );
}
