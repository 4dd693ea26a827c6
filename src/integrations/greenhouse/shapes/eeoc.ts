import { Type, type Static } from '@sinclair/typebox';
import type { Eeoc } from '../../../model/eeoc.js';
import { iso } from '../../../seed/reference-time.js';
import type { WorldCandidate, WorldEeoc } from '../../../seed/world.js';
import { HarvestDate, Id, Nullable, applicationId, applicationOf, candidateId, remote } from './common.js';

const Described = Nullable(Type.Object({ id: Id, description: Type.String() }, { additionalProperties: false }));

/**
 * `GET /v1/eeoc` and `GET /v1/applications/{id}/eeoc`: no id of its own. Harvest's documentation spells the
 * veteran answer's text `message`, unlike the other three (`description`); the mock follows the documentation.
 */
export const GreenhouseEeoc = Type.Object(
  {
    application_id: Id,
    candidate_id: Id,
    race: Described,
    gender: Described,
    veteran_status: Nullable(Type.Object({ id: Id, message: Type.String() }, { additionalProperties: false })),
    disability_status: Described,
    submitted_at: HarvestDate,
  },
  { additionalProperties: false },
);
export type GreenhouseEeoc = Static<typeof GreenhouseEeoc>;

/** Harvest's answer lists (its documentation); an answer's id is its place in the list. */
export const EEOC_ANSWERS = {
  race: [
    'American Indian or Alaskan Native', 'Asian', 'Black or African American', 'Hispanic or Latino', 'White',
    'Native Hawaiian or Other Pacific Islander', 'Two or More Races', 'Decline To Self Identify',
  ],
  gender: ['Male', 'Female', 'Decline To Self Identify'],
  veteran_status: [
    'I am not a protected veteran', 'I identify as one or more of the classifications of a protected veteran', "I don't wish to answer",
  ],
  disability_status: [
    'Yes, I have a disability, or have a history/record of having a disability',
    'No, I don’t have a disability, or a history/record of having a disability',
    "I don't wish to answer",
  ],
} as const;

/** An answer outside Harvest's list keeps its words with id 0; an empty answer is a question left unanswered (null). */
const answerId = (list: readonly string[], text: string) => list.indexOf(text) + 1;

export function toHarvestEeoc(eeoc: WorldEeoc, candidate: WorldCandidate): GreenhouseEeoc {
  const application = applicationOf(candidate, eeoc.applicationN);
  const described = (list: readonly string[], text: string) => (text === '' ? null : { id: answerId(list, text), description: text });
  return {
    application_id: Number(applicationId(application)),
    candidate_id: Number(candidateId(candidate)),
    race: described(EEOC_ANSWERS.race, eeoc.race),
    gender: described(EEOC_ANSWERS.gender, eeoc.gender),
    veteran_status:
      eeoc.veteranStatus === '' ? null : { id: answerId(EEOC_ANSWERS.veteran_status, eeoc.veteranStatus), message: eeoc.veteranStatus },
    disability_status: described(EEOC_ANSWERS.disability_status, eeoc.disabilityStatus),
    submitted_at: iso(eeoc.submittedAt),
  };
}

/**
 * `id` is the application's id: Harvest's record has none, and it is read per application
 * (`/v1/applications/{id}/eeoc`), one per application. No dates but `submitted_at`.
 */
export function eeocToUnified(raw: GreenhouseEeoc): Eeoc {
  return {
    id: String(raw.application_id),
    candidate: { id: String(raw.candidate_id) },
    submitted_at: raw.submitted_at,
    ...(raw.race ? { race: raw.race.description } : {}),
    ...(raw.gender ? { gender: raw.gender.description } : {}),
    ...(raw.veteran_status ? { veteran_status: raw.veteran_status.message } : {}),
    ...(raw.disability_status ? { disability_status: raw.disability_status.description } : {}),
    remote_data: remote(raw),
  };
}

export const fields = ['id', 'candidate.id', 'submitted_at', 'race', 'gender', 'veteran_status', 'disability_status'] as const;
