import { Type, type Static } from '@sinclair/typebox';

const Insight = Type.Object({ description: Type.String(), value: Type.Optional(Type.Unknown()) });

export const TrutoErrorSchema = Type.Object(
  {
    statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
    error: Type.String({ description: 'The status code\'s reason phrase' }),
    message: Type.String({ description: 'What is wrong, in words' }),
    truto_error_insight: Type.Optional(
      Type.Object({
        missing_required_query_parameters: Type.Optional(
          Type.Object({ description: Type.String(), value: Type.Array(Type.String()) }),
        ),
        missing_required_body_fields: Type.Optional(
          Type.Object({ description: Type.String(), value: Type.Array(Type.String()) }),
        ),
        supported_methods: Type.Optional(
          Type.Object({ description: Type.String(), value: Type.Array(Type.String()) }),
        ),
        remote_error: Type.Optional(Insight),
        rate_limit_error: Type.Optional(Insight),
      }),
    ),
    truto_is_remote_error: Type.Optional(Type.Boolean()),
    raw_response: Type.Optional(Type.Unknown({ description: 'The body the integration itself answered' })),
  },
  { additionalProperties: false },
);
export type TrutoErrorBody = Static<typeof TrutoErrorSchema>;
