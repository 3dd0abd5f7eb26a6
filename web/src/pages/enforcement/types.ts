/**
 * Shapes of the enforcement and advice API (server/modules/enforcement: 执法检查, 合规建议批次, 合规建议书), all
 * derived from the generated OpenAPI types.
 */
import type { QueryOf, RequestBody, ResponseBody } from '../../api/types';

export type ViolationType = ResponseBody<'/api/violation-types', 'get'>[number];

export type Inspection = ResponseBody<'/api/enforcement/inspections', 'get'>['items'][number];
export type InspectionDetail = ResponseBody<'/api/enforcement/inspections/{id}', 'get'>;
export type Violation = InspectionDetail['violations'][number];
export type ViolationStatus = Violation['status'];
export type InspectionBody = RequestBody<'/api/enforcement/inspections', 'post'>;
export type Recorded = ResponseBody<'/api/enforcement/inspections', 'post', 201>;
export type InspectionListQuery = QueryOf<'/api/enforcement/inspections'>;
export type Harm = Violation['harm'];

export type Leniency = ResponseBody<'/api/enforcement/violations/{id}/leniency', 'get'>;
export type LeniencyFacts = Leniency['facts'];
export type LeniencyList = NonNullable<LeniencyFacts['list']>;
export type LeniencySuggestion = Leniency['suggestion'];
export type SelfReport = NonNullable<Leniency['selfReport']>;
export type PenaltyDecision = NonNullable<Leniency['decision']>;
export type PenaltyOutcome = LeniencySuggestion['outcome'];
export type DecisionBody = RequestBody<'/api/enforcement/violations/{id}/decision', 'post'>;
/** A hazard of the inspected enterprise, offered as the enterprise's own earlier report of a violation. */
export type EnterpriseHazard = ResponseBody<'/api/hazards', 'get'>['items'][number];

export type Campaign = ResponseBody<'/api/advice/campaigns/{id}', 'get'>;
export type CampaignStatus = Campaign['status'];
export type CampaignOrigin = Campaign['origin'];
export type ScopeType = Campaign['scopeType'];
export type CampaignListQuery = QueryOf<'/api/advice/campaigns'>;
export type ProposeBody = RequestBody<'/api/advice/campaigns', 'post'>;

export type Letter = ResponseBody<'/api/advice/letters/{id}', 'get'>;
export type LetterStatus = Letter['status'];
export type LetterListQuery = QueryOf<'/api/advice/letters'>;

export type FocusEnterprise = ResponseBody<'/api/enforcement/focus', 'get'>['items'][number];
export type FocusListQuery = QueryOf<'/api/enforcement/focus'>;
