/** Shapes of the white-list workflow API (docs/whitelist.md "API of the workflow"), from the generated schema. */
import type { QueryOf, ResponseBody } from '../../api/types';

export type Application = ResponseBody<'/api/whitelist/applications', 'get'>['items'][number];
export type ApplicationDetail = ResponseBody<'/api/whitelist/applications/{id}', 'get'>;
export type ApplicationStatus = Application['status'];
export type Opinion = ApplicationDetail['opinions'][number];
export type OpinionStatus = Opinion['status'];
export type InboxOpinion = ResponseBody<'/api/whitelist/opinions', 'get'>['items'][number];
export type Batch = ResponseBody<'/api/whitelist/batches', 'get'>['items'][number];
export type EnterpriseWhitelist = ResponseBody<'/api/enterprises/{id}/whitelist', 'get'>;
export type Entry = NonNullable<EnterpriseWhitelist['entry']>;
export type Department = ResponseBody<'/api/whitelist/departments', 'get'>[number];
export type ApplicationListQuery = QueryOf<'/api/whitelist/applications'>;
