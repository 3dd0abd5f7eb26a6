import { Type } from 'typebox';
import { Uuid } from '../../platform/http/schemas.js';

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const CommitmentView = Type.Object({
  id: Uuid,
  enterpriseId: Uuid,
  textVersion: Type.String(),
  textHash: Type.String(),
  signatoryName: Type.String(),
  signatoryCapacity: Type.Union([Type.Literal('legal_representative'), Type.Literal('authorised')]),
  authorisationFile: Type.Union([Type.String(), Type.Null()]),
  signedAt: Type.String({ format: 'date-time' }),
  documentId: Uuid,
  documentNumber: Type.String(),
});

export const CommitmentStatus = Type.Object({
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  legalRepresentative: Type.String(),
  current: Type.Object({ text: Type.String(), textHash: Type.String(), textVersion: Type.String() }),
  /** the newest signature, of whatever text */
  latest: Type.Union([CommitmentView, Type.Null()]),
  /** whether the newest signature is of the text in force */
  upToDate: Type.Boolean(),
  history: Type.Array(CommitmentView),
  abilities: Type.Object({ read: Type.Boolean(), sign: Type.Boolean() }),
});

export const SignBody = Type.Object(
  {
    signatoryName: Type.String({ minLength: 1, maxLength: 50 }),
    signatoryCapacity: Type.Union([Type.Literal('legal_representative'), Type.Literal('authorised')]),
    authorisationFile: Type.Optional(Type.Union([Sha256, Type.Null()])),
  },
  { additionalProperties: false },
);
