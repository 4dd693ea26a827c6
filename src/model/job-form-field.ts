import { Type, type Static } from '@sinclair/typebox';
import { Ref, RemoteData, StringEnum } from './common.js';

/**
 * Truto: "If no clear mapping exists, then raw value is returned", so `type` is one of the listed words or the
 * integration's own word; the enum is documented, not enforced.
 */
export const JOB_FORM_FIELD_TYPES = ['text', 'textarea', 'dropdown', 'file', 'radio', 'checkbox', 'date', 'number'] as const;

export const JobFormFieldSchema = Type.Object(
  {
    id: Type.String({ description: "The form field's unique identifier" }),
    name: Type.Optional(Type.String({ description: "The form field's name (the key its answer is submitted under)" })),
    job: Type.Optional(Ref('job')),
    label: Type.Optional(Type.String({ description: "The form field's label" })),
    index: Type.Optional(Type.Integer({ description: "The form field's position in the form" })),
    is_required: Type.Optional(Type.Boolean({ description: 'Whether an answer is required' })),
    answer_visibility: Type.Optional(StringEnum(['private', 'public'], { description: 'Who may see the answers' })),
    description: Type.Optional(Type.String({ description: "The form field's description" })),
    type: Type.Optional(
      Type.String({
        description: `The form field's type: ${JOB_FORM_FIELD_TYPES.join(', ')}, or the integration's own word where none fits`,
        examples: [...JOB_FORM_FIELD_TYPES],
      }),
    ),
    options: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.Optional(Type.String({ description: "The option's unique identifier" })),
            label: Type.Optional(Type.String({ description: "The option's label" })),
            value: Type.Optional(Type.String({ description: "The option's value" })),
          },
          { additionalProperties: false },
        ),
        { description: 'The choices of a dropdown, radio or checkbox field' },
      ),
    ),
    group_id: Type.Optional(Type.String({ description: "The form field's group's identifier" })),
    group_name: Type.Optional(Type.String({ description: "The form field's group's name" })),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type JobFormField = Static<typeof JobFormFieldSchema>;
