import { Type, type Static } from '@sinclair/typebox';
import type { Scorecard } from '../../../model/scorecard.js';
import { AshbyUser } from '../raw.js';
import { AshbyDate, Closed, remote, Uuid } from './common.js';

export const FormField = Type.Object(
  {
    isRequired: Type.Boolean(),
    field: Type.Object(
      {
        id: Uuid,
        type: Type.String(),
        path: Type.String(),
        humanReadablePath: Type.String(),
        title: Type.String(),
        isNullable: Type.Boolean(),
        selectableValues: Type.Optional(Type.Array(Type.Object({ label: Type.String(), value: Type.String() }, Closed))),
      },
      Closed,
    ),
    descriptionHtml: Type.Optional(Type.String()),
    descriptionPlain: Type.Optional(Type.String()),
  },
  Closed,
);
export type FormField = Static<typeof FormField>;
export const FormDefinition = Type.Object(
  { sections: Type.Array(Type.Object({ title: Type.Optional(Type.String()), fields: Type.Array(FormField) }, Closed)) },
  Closed,
);
export type FormDefinition = Static<typeof FormDefinition>;

/** `applicationFeedback.list` items: the form, and what was submitted keyed by each field's `path`. */
export const AshbyFeedback = Type.Object(
  {
    id: Uuid,
    formDefinition: FormDefinition,
    submittedValues: Type.Record(Type.String(), Type.Unknown()),
    submittedByUser: AshbyUser,
    interviewId: Uuid,
    feedbackFormDefinitionId: Uuid,
    applicationHistoryId: Uuid,
    applicationId: Uuid,
    submittedAt: AshbyDate,
  },
  Closed,
);
export type AshbyFeedback = Static<typeof AshbyFeedback>;

/** Ashby's overall recommendation is a score of 1 (strong no) to 4 (strong yes). */
export const RECOMMENDATION_PATH = 'overall_recommendation';

/**
 * The interviewer is the submitting user; the overall recommendation is Ashby's score, as its words (`1`…`4`); every
 * other field is a form value. Ashby's `interviewId` names the interview *definition*, not a schedule, so the
 * unified `interview` (a schedule) is not filled.
 */
export function feedbackToUnified(raw: AshbyFeedback): Scorecard {
  const score = (raw.submittedValues[RECOMMENDATION_PATH] as { score: number } | null | undefined)?.score;
  const fields = raw.formDefinition.sections.flatMap((s) => s.fields).filter((f) => f.field.path !== RECOMMENDATION_PATH);
  return {
    id: raw.id,
    application: { id: raw.applicationId },
    interviewer: { id: raw.submittedByUser.id },
    submitted_at: raw.submittedAt,
    ...(score !== undefined ? { overall_recommendation: String(score) } : {}),
    form_values: fields.map((f) => ({ name: f.field.path, label: f.field.title, value: String(raw.submittedValues[f.field.path] ?? '') })),
    created_at: raw.submittedAt,
    remote_data: remote(raw),
  };
}

export const fields = [
  'id', 'application.id', 'interviewer.id', 'submitted_at', 'overall_recommendation', 'form_values.name', 'form_values.label',
  'form_values.value', 'created_at',
] as const;
