/** Names for the shapes the pages use, all derived from the generated OpenAPI types. */
import type { components, paths } from './schema.gen';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Operation<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete'> = NonNullable<
  paths[P][M]
>;

/** The JSON body of a successful response (200 unless said otherwise). */
export type ResponseBody<
  P extends keyof paths,
  M extends 'get' | 'post' | 'put' | 'patch' | 'delete',
  S extends number = 200,
> = Operation<P, M> extends { responses: infer Rs } ? (S extends keyof Rs ? JsonOf<Rs[S]> : never) : never;

/** The JSON request body of an operation. */
export type RequestBody<P extends keyof paths, M extends 'post' | 'put' | 'patch'> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters of a GET. */
export type QueryOf<P extends keyof paths> =
  Operation<P, 'get'> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Me = ResponseBody<'/api/me', 'get'>;
export type MeBinding = Me['roles'][number];
export type User = components['schemas']['User'];
export type UserBinding = User['bindings'][number];
export type UserPage = ResponseBody<'/api/users', 'get'>;
export type UserListQuery = QueryOf<'/api/users'>;
export type CreateUserBody = RequestBody<'/api/users', 'post'>;
export type Unit = ResponseBody<'/api/units', 'get'>[number];
export type LoginLogPage = ResponseBody<'/api/login-log', 'get'>;
export type LoginLogEntry = LoginLogPage['items'][number];
export type AuditEventPage = ResponseBody<'/api/audit/events', 'get'>;
export type AuditEvent = AuditEventPage['items'][number];
export type AuditQuery = QueryOf<'/api/audit/events'>;
export type ChainReport = ResponseBody<'/api/audit/verify', 'post'>;
export type Setting = ResponseBody<'/api/settings', 'get'>[number];
export type SettingHistoryEntry = ResponseBody<'/api/settings/{key}/history', 'get'>[number];
export type Job = ResponseBody<'/api/jobs/{id}', 'get'>;
