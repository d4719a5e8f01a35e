/** The dev-only token request (POST /v1/dev/token): validated with this schema, documented from it. */
import { Type } from '@sinclair/typebox';
import { ROLES } from '../../roles';

export const DevTokenRequestSchema = Type.Object(
  {
    role: Type.Union(
      ROLES.map((r) => Type.Literal(r)),
      { description: 'The one role of the token' },
    ),
    providerId: Type.Optional(Type.String({ maxLength: 100, description: 'Provider staff: their provider' })),
    iin: Type.Optional(Type.String({ pattern: '^[0-9]{12}$', description: "Applicants: the applicant's IIN" })),
    sub: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Subject (default dev:<role>)' })),
  },
  { additionalProperties: false, description: 'A dev token for the web UI sign-in picker (embedded default only).' },
);
