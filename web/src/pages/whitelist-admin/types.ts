/**
 * Names for the white-list shapes these pages use, derived from the generated OpenAPI types (schema.gen.ts), and
 * the status unions of domain/whitelist.ts for the label maps.
 */
import type { ExitReason, MeasureKind, ObjectionStatus } from '../../../../domain/whitelist';
import type { RequestBody, ResponseBody } from '../../api/types';

export type { ExitReason, MeasureKind, ObjectionStatus };

export type Notice = ResponseBody<'/api/whitelist/notices', 'get'>['items'][number];
export type NoticeStatus = Notice['status'];
export type NoticeDetail = ResponseBody<'/api/whitelist/notices/{id}', 'get'>;
export type NoticeObjection = NoticeDetail['objections'][number];
export type Application = ResponseBody<'/api/whitelist/applications', 'get'>['items'][number];
export type ApplicationStatus = Application['status'];
export type Entry = ResponseBody<'/api/whitelist/entries', 'get'>['items'][number];
export type EntryStatus = Entry['status'];
export type EntryDetail = ResponseBody<'/api/whitelist/entries/{id}', 'get'>;
export type Review = EntryDetail['reviews'][number];
export type ReviewStatus = Review['status'];
export type Exit = ResponseBody<'/api/whitelist/exits/{id}', 'get'>;
export type ExitStatus = Exit['status'];
export type Measure = ResponseBody<'/api/enterprises/{id}/measures', 'get'>[number];

export type NoticeBody = RequestBody<'/api/whitelist/notices', 'post'>;
export type HandleObjectionBody = RequestBody<'/api/whitelist/objections/{id}/handle', 'post'>;
export type ExitProposalBody = RequestBody<'/api/whitelist/entries/{id}/exit-proposals', 'post'>;
