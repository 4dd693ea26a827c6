import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import t, { type Test } from 'tap';
import { ActivitySchema } from '../src/model/activity.js';
import { DepartmentSchema } from '../src/model/department.js';
import { EeocSchema } from '../src/model/eeoc.js';
import { InterviewSchema } from '../src/model/interview.js';
import { JobFormFieldSchema } from '../src/model/job-form-field.js';
import { JobInterviewStageSchema } from '../src/model/job-interview-stage.js';
import { JobSchema } from '../src/model/job.js';
import { OfferSchema } from '../src/model/offer.js';
import { OfficeSchema } from '../src/model/office.js';
import { OrganizationSchema } from '../src/model/organization.js';
import { RejectReasonSchema } from '../src/model/reject-reason.js';
import { ScorecardSchema } from '../src/model/scorecard.js';
import { TagSchema } from '../src/model/tag.js';
import { UserSchema } from '../src/model/user.js';
import { ids, stageOfStageInterview } from '../src/integrations/greenhouse/ids.js';
import * as activities from '../src/integrations/greenhouse/shapes/activities.js';
import * as departments from '../src/integrations/greenhouse/shapes/departments.js';
import * as eeoc from '../src/integrations/greenhouse/shapes/eeoc.js';
import * as interviews from '../src/integrations/greenhouse/shapes/interviews.js';
import * as jobForms from '../src/integrations/greenhouse/shapes/job-form-fields.js';
import * as jobStages from '../src/integrations/greenhouse/shapes/job-stages.js';
import * as jobs from '../src/integrations/greenhouse/shapes/jobs.js';
import * as offers from '../src/integrations/greenhouse/shapes/offers.js';
import * as offices from '../src/integrations/greenhouse/shapes/offices.js';
import * as rejectReasons from '../src/integrations/greenhouse/shapes/reject-reasons.js';
import * as scorecards from '../src/integrations/greenhouse/shapes/scorecards.js';
import * as tags from '../src/integrations/greenhouse/shapes/tags.js';
import * as users from '../src/integrations/greenhouse/shapes/users.js';
import type {
  World, WorldActivity, WorldCandidate, WorldEeoc, WorldInterview, WorldJob, WorldOffer, WorldQuestion, WorldScorecard, WorldStage,
  WorldUser,
} from '../src/seed/world.js';
import { assertSchema } from './helpers.js';

const at = (s: string) => Date.parse(s);

// A small hand-made world: one job with four stages, one candidate with one application and one of every record.
const user = (n: number, firstName: string, lastName: string, role: WorldUser['role'], disabled = false): WorldUser => ({
  n,
  firstName,
  lastName,
  email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@acmehq.com`,
  createdAt: at('2022-03-01T09:00:00.000Z') + n * 1000,
  role,
  disabled,
  updatedAt: at('2023-05-01T09:00:00.000Z') + n * 1000,
});
const USERS = [
  user(1, 'Maya', 'Okafor', 'admin'),
  user(2, 'Liam', 'Chen', 'recruiter'),
  user(3, 'Sofia', 'Reyes', 'interviewer'),
  user(4, 'Noah', 'Berg', 'hiring_manager', true),
];
// The world branch adds `interviewMinutes` (stages) and `key` (questions) to the contract; the fixtures carry them
// and compile before and after it lands.
type Stage = WorldStage & { interviewMinutes: number | null };
type Question = WorldQuestion & { key: string | null };
const STAGES: Stage[] = [
  { n: 1, name: 'Application Review', position: 0, interviewName: null, interviewMinutes: null },
  { n: 2, name: 'Phone Screen', position: 1, interviewName: 'Recruiter Call', interviewMinutes: 30 },
  { n: 3, name: 'Onsite', position: 2, interviewName: 'Onsite Interview', interviewMinutes: 240 },
  { n: 4, name: 'Offer', position: 3, interviewName: null, interviewMinutes: null },
];
const QUESTIONS: Question[] = [
  { n: 1, key: 'first_name', label: 'Legal First Name', type: 'text', required: true, options: [], group: 'Personal information', visibility: 'public' },
  { n: 2, key: 'resume', label: 'Resume/CV', type: 'file', required: true, options: [], group: 'Personal information', visibility: 'public' },
  { n: 3, key: null, label: 'Why us?', type: 'textarea', required: false, options: [], group: 'Questions', visibility: 'public' },
  { n: 4, key: null, label: 'Need a visa?', type: 'radio', required: true, options: ['Yes', 'No'], group: 'Questions', visibility: 'private' },
  { n: 5, key: null, label: 'Languages', type: 'checkbox', required: false, options: ['Go', 'Rust'], group: 'Questions', visibility: 'public' },
  { n: 6, key: null, label: 'Notice period', type: 'dropdown', required: false, options: ['None', '1 month'], group: 'Questions', visibility: 'public' },
];
const JOB: WorldJob = {
  n: 1,
  title: 'Senior Backend Engineer',
  department: 'Platform',
  office: 'Berlin Mitte',
  status: 'open',
  createdAt: at('2024-01-10T08:00:00.000Z'),
  updatedAt: at('2024-02-01T08:00:00.000Z'),
  stages: STAGES,
  hiringManagerN: 4,
  recruiterN: 2,
  departmentN: 2,
  officeN: 2,
  coordinatorN: 3,
  questions: QUESTIONS,
};
const INTERVIEWS: WorldInterview[] = [
  {
    n: 1, applicationN: 1, stageN: 3, organizerN: 2, interviewerNs: [3, 4], status: 'completed', location: 'Zoom',
    startAt: at('2024-02-20T14:00:00.000Z'), endAt: at('2024-02-20T15:00:00.000Z'),
    createdAt: at('2024-02-15T10:00:00.000Z'), updatedAt: at('2024-02-20T16:00:00.000Z'),
  },
  {
    n: 2, applicationN: 1, stageN: 2, organizerN: 2, interviewerNs: [2], status: 'scheduled', location: 'Berlin Mitte',
    startAt: at('2024-03-01T09:00:00.000Z'), endAt: at('2024-03-01T09:30:00.000Z'),
    createdAt: at('2024-02-25T10:00:00.000Z'), updatedAt: at('2024-02-25T10:00:00.000Z'),
  },
  {
    n: 3, applicationN: 1, stageN: 2, organizerN: 2, interviewerNs: [3], status: 'cancelled', location: 'Google Meet',
    startAt: at('2024-02-18T09:00:00.000Z'), endAt: at('2024-02-18T09:30:00.000Z'),
    createdAt: at('2024-02-12T10:00:00.000Z'), updatedAt: at('2024-02-13T10:00:00.000Z'),
  },
];
const SCORECARD: WorldScorecard = {
  n: 1, applicationN: 1, interviewN: 1, interviewerN: 3, submittedAt: at('2024-02-20T17:00:00.000Z'), recommendation: 'yes',
  answers: [
    { label: 'Communication', kind: 'rating', value: 'strong_yes' },
    { label: 'System design', kind: 'rating', value: 'mixed' },
    { label: 'Key Take-Aways', kind: 'text', value: 'Clear thinker.' },
    { label: 'Biggest risk', kind: 'text', value: 'Little Go experience.' },
  ],
  createdAt: at('2024-02-20T16:30:00.000Z'), updatedAt: at('2024-02-20T17:00:00.000Z'),
};
const OFFERS: WorldOffer[] = [
  {
    n: 1, applicationN: 1, creatorN: 2, status: 'deprecated', version: 1, createdAt: at('2024-03-05T10:00:00.000Z'),
    sentAt: at('2024-03-05T12:00:00.000Z'), resolvedAt: null, startDate: at('2024-05-01T00:00:00.000Z'),
    updatedAt: at('2024-03-08T10:00:00.000Z'),
  },
  {
    n: 2, applicationN: 1, creatorN: 2, status: 'accepted', version: 2, createdAt: at('2024-03-08T10:00:00.000Z'),
    sentAt: at('2024-03-08T11:00:00.000Z'), resolvedAt: at('2024-03-10T18:30:00.000Z'), startDate: at('2024-05-01T00:00:00.000Z'),
    updatedAt: at('2024-03-10T18:30:00.000Z'),
  },
];
const ACTIVITIES: WorldActivity[] = [
  {
    n: 1, kind: 'note', authorN: 2, from: null, to: [], cc: [], subject: null, body: 'Strong referral from the Go meetup.',
    visibility: 'private', createdAt: at('2024-02-02T09:00:00.000Z'), applicationN: 1,
  },
  {
    n: 2, kind: 'email', authorN: 2, from: null, to: ['ada.byron@example.com'], cc: ['sofia.reyes@acmehq.com', 'noah.berg@acmehq.com'],
    subject: 'Your onsite', body: 'See you on Tuesday.', visibility: 'public', createdAt: at('2024-02-16T09:00:00.000Z'), applicationN: 1,
  },
  {
    n: 3, kind: 'email', authorN: null, from: 'ada.byron@example.com', to: ['liam.chen@acmehq.com'], cc: [],
    subject: 'Re: Your onsite', body: 'Looking forward to it.', visibility: 'public', createdAt: at('2024-02-16T11:00:00.000Z'),
    applicationN: 1,
  },
];
const EEOC: WorldEeoc = {
  applicationN: 1, race: 'Asian', gender: 'Female', veteranStatus: 'I am not a protected veteran',
  disabilityStatus: "I don't wish to answer", submittedAt: at('2024-01-20T10:00:00.000Z'),
};
const CANDIDATE: WorldCandidate = {
  n: 1, firstName: 'Ada', lastName: 'Byron', company: 'Analytical Engines Ltd', title: 'Engineer',
  emails: [{ address: 'ada.byron@example.com', type: 'personal' }], phones: [], addresses: [], websites: [], socials: [], tags: ['Go'],
  educations: [], employments: [], isPrivate: false, canEmail: true,
  createdAt: at('2024-01-20T09:00:00.000Z'), updatedAt: at('2024-03-10T18:30:00.000Z'), lastActivityAt: at('2024-03-10T18:30:00.000Z'),
  recruiterN: 2, coordinatorN: null,
  applications: [
    {
      n: 1, jobN: 1, stageN: 4, status: 'hired', appliedAt: at('2024-01-20T10:00:00.000Z'), sourceN: 1, creditedToN: 2,
      lastActivityAt: at('2024-03-10T18:30:00.000Z'),
    },
  ],
  attachments: [], interviews: INTERVIEWS, scorecards: [SCORECARD], offers: OFFERS, activities: ACTIVITIES, eeoc: EEOC,
};
const WORLD: World = {
  users: USERS,
  departments: [
    { n: 1, name: 'Engineering', parentN: null, createdAt: at('2021-01-01T00:00:00.000Z') },
    { n: 2, name: 'Platform', parentN: 1, createdAt: at('2021-01-01T00:00:00.000Z') },
  ],
  offices: [
    { n: 1, name: 'Berlin', location: 'Berlin, Germany', parentN: null, isRemote: false, createdAt: at('2021-01-01T00:00:00.000Z') },
    { n: 2, name: 'Berlin Mitte', location: 'Berlin Mitte, Germany', parentN: 1, isRemote: false, createdAt: at('2021-01-01T00:00:00.000Z') },
  ],
  tags: [{ n: 1, name: 'Go', createdAt: at('2021-01-01T00:00:00.000Z') }],
  jobs: [JOB],
  stages: new Map(STAGES.map((stage) => [stage.n, { stage, jobN: 1 }])),
  sources: [{ n: 1, name: 'LinkedIn', type: 'Prospecting' }],
  rejectReasons: [{ n: 1, name: 'Lacks skills', type: 'We rejected them' }],
  candidateCount: 1,
  *candidates() {
    yield CANDIDATE;
  },
};

/** The leaf paths an object fills: nested keys dotted, arrays flattened, an empty array or object a leaf itself. */
function leafPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.add(prefix);
    for (const item of value) leafPaths(item, prefix, out);
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([k]) => k !== 'remote_data');
    if (entries.length === 0) out.add(prefix);
    for (const [k, v] of entries) leafPaths(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.add(prefix);
  }
  return out;
}

/** Each raw record fits its raw schema, each unified one its unified schema, and together they fill exactly `fields`. */
function check(
  t: Test,
  what: string,
  raws: { schema: TSchema; values: unknown[] },
  unified: { schema: TSchema; values: object[] },
  fields: readonly string[],
) {
  t.ok(raws.values.length > 0 && unified.values.length > 0, `${what}: records to check`);
  raws.values.forEach((v, i) => assertSchema(t, raws.schema, v, `${what} raw #${i}`));
  unified.values.forEach((v, i) => assertSchema(t, unified.schema, v, `${what} unified #${i}`));
  const filled = new Set<string>();
  for (const v of unified.values) leafPaths(v, '', filled);
  t.strictSame([...filled].sort(), [...fields].sort(), `${what}: fields lists exactly the leaf paths filled`);
}

const CANDIDATE_ID = '17130001003';
const APPLICATION_ID = '19210001003';
const RECRUITER_REF = { id: 4410002003, first_name: 'Liam', last_name: 'Chen', name: 'Liam Chen', employee_id: null };

t.test('ids of the new kinds are numeric, and no two kinds share an id even in a 100,000-candidate world', async (t) => {
  t.equal(ids.candidate(1), CANDIDATE_ID);
  t.equal(ids.jobPost(1), '4130001003', "the job post id applications already carry: the job's id + 100,000,000");
  t.equal(stageOfStageInterview(ids.stageInterview(3)), ids.stage(3), 'a stage interview leads back to its stage');
  t.equal(stageOfStageInterview(ids.stageInterview(34_999)), ids.stage(34_999), 'also far into the range');
  // Generous upper bounds of each kind's n for 100,000 candidates (5,000 jobs of up to 7 stages and 10 questions).
  const most: Partial<Record<keyof typeof ids, number>> = {
    candidate: 100_000, application: 400_000, attachment: 600_000, job: 5000, stage: 35_000, user: 200, education: 100_000,
    employment: 100_000, department: 100, office: 100, opening: 5000, stageInterview: 35_000, interviewKit: 35_000,
    scheduledInterview: 900_000, scorecard: 900_000, scorecardQuestion: 900_000 * 8 + 8, offer: 400_000, jobPostLocation: 5000,
    question: 50_000, questionOption: 50_000 * 16 + 16, note: 900_000, email: 900_000, feedActivity: 100_000, jobPost: 5000,
  };
  const ranges: [string, number, number][] = Object.entries(most).map(([kind, max]) => {
    const of = ids[kind as keyof typeof ids];
    for (const n of [1, max]) t.match(of(n), /^[1-9]\d*003$/, `${kind} ${n}: a Greenhouse-style id`);
    return [kind, Number(of(1)), Number(of(max))];
  });
  // The pinned fixtures' ids (fixtures/accounts.json) sit in 9,000,000,000–9,300,000,000.
  ranges.push(['pinned', 9_000_000_000, 9_300_000_000]);
  ranges.sort((a, b) => a[1] - b[1]);
  for (let i = 1; i < ranges.length; i++) {
    const [prev, , prevEnd] = ranges[i - 1]!;
    const [kind, from] = ranges[i]!;
    t.ok(prevEnd < from, `${prev} (up to ${prevEnd}) ends before ${kind} (from ${from})`);
  }
});

t.test('tags, rejection reasons, departments, offices', async (t) => {
  const tag = tags.toHarvestTag(WORLD.tags[0]!);
  t.strictSame(tag, { id: 361, name: 'Go' });
  t.strictSame(tags.tagToUnified(tag), { id: '361', name: 'Go', remote_data: tag });
  check(t, 'tags', { schema: tags.GreenhouseTag, values: [tag] }, { schema: TagSchema, values: [tags.tagToUnified(tag)] }, tags.fields);

  const reason = rejectReasons.toHarvestRejectionReason(WORLD.rejectReasons[0]!);
  t.strictSame(reason, { id: 8001, name: 'Lacks skills', type: { id: 1, name: 'We rejected them' } });
  t.strictSame(rejectReasons.rejectReasonToUnified(reason), { id: '8001', name: 'Lacks skills', remote_data: reason });
  check(
    t, 'reject reasons', { schema: rejectReasons.GreenhouseRejectionReason, values: [reason] },
    { schema: RejectReasonSchema, values: [rejectReasons.rejectReasonToUnified(reason)] }, rejectReasons.fields,
  );

  const deps = WORLD.departments.map((d) => departments.toHarvestDepartment(d, WORLD));
  t.strictSame(deps[0], {
    id: 4020001003, name: 'Engineering', parent_id: null, parent_department_external_id: null, child_ids: [4020002003],
    child_department_external_ids: [], external_id: null,
  });
  t.strictSame(departments.departmentToUnified(deps[1]!), {
    id: '4020002003', name: 'Platform', parent: { id: '4020001003' }, remote_data: deps[1],
  });
  check(
    t, 'departments', { schema: departments.GreenhouseDepartment, values: deps },
    { schema: DepartmentSchema, values: deps.map(departments.departmentToUnified) }, departments.fields,
  );

  const offs = WORLD.offices.map((o) => offices.toHarvestOffice(o, WORLD));
  t.strictSame(offs[1], {
    id: 4015002003, name: 'Berlin Mitte', location: { name: 'Berlin Mitte, Germany' }, primary_contact_user_id: null,
    parent_id: 4015001003, parent_office_external_id: null, child_ids: [], child_office_external_ids: [], external_id: null,
  });
  t.strictSame(offices.officeToUnified(offs[1]!), {
    id: '4015002003', name: 'Berlin Mitte', parent: { id: '4015001003' }, location: 'Berlin Mitte, Germany', remote_data: offs[1],
  });
  check(
    t, 'offices', { schema: offices.GreenhouseOffice, values: offs },
    { schema: OfficeSchema, values: offs.map(offices.officeToUnified) }, offices.fields,
  );
});

t.test('users', async (t) => {
  const raws = WORLD.users.map(users.toHarvestUser);
  t.strictSame(raws[3], {
    id: 4410004003, name: 'Noah Berg', first_name: 'Noah', last_name: 'Berg', primary_email_address: 'noah.berg@acmehq.com',
    updated_at: '2023-05-01T09:00:04.000Z', created_at: '2022-03-01T09:00:04.000Z', disabled: true, site_admin: false,
    emails: ['noah.berg@acmehq.com'], employee_id: null, linked_candidate_ids: [], offices: [], departments: [],
  });
  t.strictSame(users.userToUnified(raws[0]!), {
    id: '4410001003', first_name: 'Maya', last_name: 'Okafor', name: 'Maya Okafor',
    emails: [{ email: 'maya.okafor@acmehq.com', is_primary: true }], disabled: false, access_role: 'admin',
    created_at: '2022-03-01T09:00:01.000Z', updated_at: '2023-05-01T09:00:01.000Z', remote_data: raws[0],
  });
  t.equal(users.userToUnified(raws[1]!).access_role, 'basic', 'a user who is no site admin');
  const single = users.toHarvestUserSingle(WORLD.users[0]!);
  t.strictSame([single.custom_fields, single.keyed_custom_fields], [{}, {}], 'the single read adds the custom fields');
  check(
    t, 'users', { schema: users.GreenhouseUser, values: [...raws, single] },
    { schema: UserSchema, values: raws.map(users.userToUnified) }, users.fields,
  );
});

t.test('jobs and their stages', async (t) => {
  const job = jobs.toHarvestJob(JOB, WORLD);
  t.strictSame(job, {
    id: 4030001003, name: 'Senior Backend Engineer', requisition_id: 'REQ-0001', notes: null, confidential: false, is_template: false,
    copied_from_id: null, status: 'open', created_at: '2024-01-10T08:00:00.000Z', opened_at: '2024-01-10T08:00:00.000Z',
    closed_at: null, updated_at: '2024-02-01T08:00:00.000Z',
    departments: [departments.toHarvestDepartment(WORLD.departments[1]!, WORLD)],
    offices: [offices.toHarvestOffice(WORLD.offices[1]!, WORLD)],
    hiring_team: {
      hiring_managers: [{ id: 4410004003, first_name: 'Noah', last_name: 'Berg', name: 'Noah Berg', employee_id: null }],
      recruiters: [{ ...RECRUITER_REF, responsible: true }],
      coordinators: [{ id: 4410003003, first_name: 'Sofia', last_name: 'Reyes', name: 'Sofia Reyes', employee_id: null, responsible: true }],
      sourcers: [],
    },
    openings: [
      { id: 4320001003, opening_id: '1-1', status: 'open', opened_at: '2024-01-10T08:00:00.000Z', closed_at: null, application_id: null, close_reason: null },
    ],
    custom_fields: {},
    keyed_custom_fields: {},
  });
  t.strictSame(jobs.jobToUnified(job), {
    id: '4030001003', name: 'Senior Backend Engineer', requisition_id: 'REQ-0001', status: 'open', locations: ['Berlin Mitte, Germany'],
    confidential: false, departments: [{ id: '4020002003', name: 'Platform' }], offices: [{ id: '4015002003', name: 'Berlin Mitte' }],
    hiring_managers: [{ id: '4410004003', name: 'Noah Berg' }], recruiters: [{ id: '4410002003', name: 'Liam Chen' }],
    created_at: '2024-01-10T08:00:00.000Z', updated_at: '2024-02-01T08:00:00.000Z', remote_data: job,
  });
  const closed = jobs.toHarvestJob({ ...JOB, status: 'closed', coordinatorN: null }, WORLD);
  t.strictSame(
    [closed.closed_at, closed.openings[0]!.status, closed.openings[0]!.closed_at, closed.hiring_team.coordinators],
    ['2024-02-01T08:00:00.000Z', 'closed', '2024-02-01T08:00:00.000Z', []],
    'a closed job closes its opening; no coordinator, none in the team',
  );
  t.equal(jobs.toHarvestJob({ ...JOB, status: 'draft' }, WORLD).opened_at, null, 'a draft was never opened');
  check(t, 'jobs', { schema: jobs.GreenhouseJob, values: [job, closed] }, { schema: JobSchema, values: [jobs.jobToUnified(job)] }, jobs.fields);

  const stages = STAGES.map((s) => jobStages.toHarvestJobStage(s, JOB));
  t.strictSame(stages[2], {
    id: 5810003003, name: 'Onsite', created_at: '2024-01-10T08:00:00.000Z', updated_at: '2024-01-10T08:00:00.000Z', active: true,
    job_id: 4030001003, priority: 2,
    interviews: [
      {
        id: 5620003003, name: 'Onsite Interview', schedulable: true, interview_kit: { id: 5680003003, content: null, questions: [] },
        estimated_minutes: 240, default_interviewer_users: [],
      },
    ],
  });
  t.strictSame(stages[0]!.interviews, [], 'a stage without an interview lists none');
  const unknownLength: Stage = { ...STAGES[2]!, interviewMinutes: null };
  t.equal(jobStages.toHarvestJobStage(unknownLength, JOB).interviews[0]!.estimated_minutes, 45, 'an interview of no known length');
  t.strictSame(jobStages.jobStageToUnified(stages[2]!), {
    id: '5810003003', name: 'Onsite', status: 'active', job: { id: '4030001003' }, position: 2,
    created_at: '2024-01-10T08:00:00.000Z', updated_at: '2024-01-10T08:00:00.000Z', remote_data: stages[2],
  });
  check(
    t, 'job stages', { schema: jobStages.GreenhouseJobStage, values: stages },
    { schema: JobInterviewStageSchema, values: stages.map(jobStages.jobStageToUnified) }, jobStages.fields,
  );
});

t.test('scheduled interviews', async (t) => {
  const raws = INTERVIEWS.map((i) => interviews.toHarvestScheduledInterview(i, CANDIDATE, WORLD));
  t.equal(raws[2], null, 'a cancelled interview is not in Harvest');
  const [done, upcoming] = [raws[0]!, raws[1]!];
  t.strictSame(done, {
    id: 40380001003, application_id: 19210001003, external_event_id: '700000001',
    start: { date_time: '2024-02-20T14:00:00.000Z' }, end: { date_time: '2024-02-20T15:00:00.000Z' },
    location: 'Zoom', video_conferencing_url: 'https://zoom.us/j/8100000037', status: 'complete',
    created_at: '2024-02-15T10:00:00.000Z', updated_at: '2024-02-20T16:00:00.000Z',
    interview: { id: 5620003003, name: 'Onsite Interview' },
    organizer: RECRUITER_REF,
    interviewers: [
      { id: 4410003003, employee_id: null, name: 'Sofia Reyes', email: 'sofia.reyes@acmehq.com', response_status: 'accepted', scorecard_id: 11000001003 },
      { id: 4410004003, employee_id: null, name: 'Noah Berg', email: 'noah.berg@acmehq.com', response_status: 'accepted', scorecard_id: null },
    ],
  });
  t.strictSame(interviews.interviewToUnified(done), {
    id: '40380001003', application: { id: APPLICATION_ID }, job_interview_stage: { id: '5810003003' },
    organizer: { id: '4410002003' }, interviewers: [{ id: '4410003003' }, { id: '4410004003' }], location: 'Zoom',
    start_at: '2024-02-20T14:00:00.000Z', end_at: '2024-02-20T15:00:00.000Z', status: 'completed',
    created_at: '2024-02-15T10:00:00.000Z', updated_at: '2024-02-20T16:00:00.000Z', remote_data: done,
  });
  t.strictSame(
    [upcoming.status, upcoming.interviewers[0]!.response_status, upcoming.video_conferencing_url, interviews.interviewToUnified(upcoming).status],
    ['scheduled', 'needs_action', null, 'scheduled'],
    'an upcoming interview in an office: invitations unanswered, no video link',
  );
  const awaiting = interviews.toHarvestScheduledInterview({ ...INTERVIEWS[0]!, status: 'awaiting_feedback' }, CANDIDATE, WORLD)!;
  t.equal(interviews.interviewToUnified(awaiting).status, 'awaiting_feedback');
  const meet = interviews.toHarvestScheduledInterview({ ...INTERVIEWS[2]!, status: 'scheduled' }, CANDIDATE, WORLD)!;
  t.match(meet.video_conferencing_url, /^https:\/\/meet\.google\.com\/[a-j]{3}-[a-j]{4}-[a-j]{3}$/, 'a Google Meet link');
  const allDay = { ...done, start: { date: '2024-02-20' }, end: { date: '2024-02-20' } };
  assertSchema(t, interviews.GreenhouseScheduledInterview, allDay, 'an all-day interview');
  t.equal(interviews.interviewToUnified(allDay).start_at, '2024-02-20T00:00:00.000Z', 'an all-day interview starts at midnight');
  check(
    t, 'interviews', { schema: interviews.GreenhouseScheduledInterview, values: [done, upcoming, meet] },
    { schema: InterviewSchema, values: [done, upcoming].map(interviews.interviewToUnified) }, interviews.fields,
  );
  t.notOk(Value.Check(InterviewSchema, { id: '1', status: 'complete' }), "Harvest's `complete` is not a unified status");
});

t.test('scorecards', async (t) => {
  const raw = scorecards.toHarvestScorecard(SCORECARD, CANDIDATE, WORLD);
  const sofia = { id: 4410003003, first_name: 'Sofia', last_name: 'Reyes', name: 'Sofia Reyes', employee_id: null };
  t.strictSame(raw, {
    id: 11000001003, updated_at: '2024-02-20T17:00:00.000Z', created_at: '2024-02-20T16:30:00.000Z', interview: 'Onsite Interview',
    interview_step: { id: 5620003003, name: 'Onsite Interview' }, candidate_id: 17130001003, application_id: 19210001003,
    interviewed_at: '2024-02-20T14:00:00.000Z', submitted_by: sofia, interviewer: sofia, submitted_at: '2024-02-20T17:00:00.000Z',
    overall_recommendation: 'yes',
    attributes: [
      { name: 'Communication', type: 'Skills', note: null, rating: 'strong_yes' },
      { name: 'System design', type: 'Skills', note: null, rating: 'mixed' },
    ],
    ratings: { definitely_not: [], no: [], mixed: ['System design'], yes: [], strong_yes: ['Communication'] },
    questions: [
      { id: null, question: 'Key Take-Aways', answer: 'Clear thinker.' },
      { id: 20000009003, question: 'Biggest risk', answer: 'Little Go experience.' },
    ],
  });
  t.strictSame(scorecards.scorecardToUnified(raw), {
    id: '11000001003', application: { id: APPLICATION_ID }, candidate: { id: CANDIDATE_ID }, interviewer: { id: '4410003003' },
    submitted_at: '2024-02-20T17:00:00.000Z', overall_recommendation: 'yes',
    form_values: [
      { name: 'Communication', label: 'Communication', value: 'strong_yes' },
      { name: 'System design', label: 'System design', value: 'mixed' },
      { name: 'Key Take-Aways', label: 'Key Take-Aways', value: 'Clear thinker.' },
      { name: 'Biggest risk', label: 'Biggest risk', value: 'Little Go experience.' },
    ],
    created_at: '2024-02-20T16:30:00.000Z', updated_at: '2024-02-20T17:00:00.000Z', remote_data: raw,
  });
  const odd = scorecards.toHarvestScorecard(
    { ...SCORECARD, answers: [{ label: 'Grit', kind: 'rating', value: '4 of 5' }] }, CANDIDATE, WORLD,
  );
  t.strictSame(odd.attributes[0]!.rating, 'no_decision', "a rating outside Harvest's words");
  check(
    t, 'scorecards', { schema: scorecards.GreenhouseScorecard, values: [raw, odd] },
    { schema: ScorecardSchema, values: [scorecards.scorecardToUnified(raw)] }, scorecards.fields,
  );
});

t.test('offers', async (t) => {
  const [old, signed] = OFFERS.map((o) => offers.toHarvestOffer(o, CANDIDATE, WORLD)) as [offers.GreenhouseOffer, offers.GreenhouseOffer];
  t.strictSame(signed, {
    id: 12500002003, version: 2, application_id: 19210001003, created_at: '2024-03-08T10:00:00.000Z',
    updated_at: '2024-03-10T18:30:00.000Z', sent_at: '2024-03-08', resolved_at: '2024-03-10T18:30:00.000Z', starts_at: '2024-05-01',
    status: 'accepted', job_id: 4030001003, candidate_id: 17130001003, opening: jobs.toHarvestOpening(JOB), custom_fields: {},
    keyed_custom_fields: {},
  });
  t.strictSame(offers.offerToUnified(signed), {
    id: '12500002003', application: { id: APPLICATION_ID }, candidate: { id: CANDIDATE_ID }, job: { id: '4030001003' },
    closed_at: '2024-03-10T18:30:00.000Z', sent_at: '2024-03-08T00:00:00.000Z', start_date: '2024-05-01', status: 'signed',
    created_at: '2024-03-08T10:00:00.000Z', updated_at: '2024-03-10T18:30:00.000Z', remote_data: signed,
  });
  const status = (o: Partial<WorldOffer>) => {
    const raw = offers.toHarvestOffer({ ...OFFERS[1]!, ...o }, CANDIDATE, WORLD);
    return [raw.status, offers.offerToUnified(raw).status];
  };
  t.strictSame(
    [status({ status: 'draft', sentAt: null, resolvedAt: null }), status({ status: 'sent', resolvedAt: null }), status({ status: 'declined' }), old.status],
    [['unresolved', 'draft'], ['unresolved', 'sent'], ['rejected', 'denied'], 'deprecated'],
    'Harvest statuses and their unified words',
  );
  check(
    t, 'offers', { schema: offers.GreenhouseOffer, values: [old, signed] },
    { schema: OfferSchema, values: [old, signed].map(offers.offerToUnified) }, offers.fields,
  );
});

t.test('EEOC', async (t) => {
  const raw = eeoc.toHarvestEeoc(EEOC, CANDIDATE);
  t.strictSame(raw, {
    application_id: 19210001003, candidate_id: 17130001003, race: { id: 2, description: 'Asian' }, gender: { id: 2, description: 'Female' },
    veteran_status: { id: 1, message: 'I am not a protected veteran' }, disability_status: { id: 3, description: "I don't wish to answer" },
    submitted_at: '2024-01-20T10:00:00.000Z',
  });
  t.strictSame(eeoc.eeocToUnified(raw), {
    id: APPLICATION_ID, candidate: { id: CANDIDATE_ID }, submitted_at: '2024-01-20T10:00:00.000Z', race: 'Asian', gender: 'Female',
    veteran_status: 'I am not a protected veteran', disability_status: "I don't wish to answer", remote_data: raw,
  });
  const partial = eeoc.toHarvestEeoc({ ...EEOC, race: '', veteranStatus: '' }, CANDIDATE);
  t.strictSame([partial.race, partial.veteran_status], [null, null], 'unanswered questions are null');
  t.notOk('race' in eeoc.eeocToUnified(partial), 'and absent from the unified record');
  check(
    t, 'eeoc', { schema: eeoc.GreenhouseEeoc, values: [raw, partial] }, { schema: EeocSchema, values: [eeoc.eeocToUnified(raw)] },
    eeoc.fields,
  );
});

t.test('activity feed: notes and emails', async (t) => {
  const feed = activities.toHarvestActivityFeed(CANDIDATE, WORLD);
  t.strictSame(feed, {
    notes: [
      {
        id: 60000001003, created_at: '2024-02-02T09:00:00.000Z', body: 'Strong referral from the Go meetup.', user: RECRUITER_REF,
        private: true, visiblity: 'private', visibility: 'private',
      },
    ],
    emails: [
      {
        id: 63000002003, created_at: '2024-02-16T09:00:00.000Z', subject: 'Your onsite', body: 'See you on Tuesday.',
        to: 'ada.byron@example.com', from: 'liam.chen@acmehq.com', cc: 'sofia.reyes@acmehq.com, noah.berg@acmehq.com', user: RECRUITER_REF,
      },
      {
        id: 63000003003, created_at: '2024-02-16T11:00:00.000Z', subject: 'Re: Your onsite', body: 'Looking forward to it.',
        to: 'liam.chen@acmehq.com', from: 'ada.byron@example.com', cc: null, user: null,
      },
    ],
    activities: [
      { id: 68320001003, created_at: '2024-01-20T09:00:00.000Z', subject: null, body: 'Liam Chen added Ada Byron through Greenhouse.', user: null },
    ],
    linkedin_notes: [],
    linkedin_inmails: [],
  });
  const unified = activities.activityFeedToUnified(feed, { candidateId: CANDIDATE_ID });
  t.strictSame(unified, [
    {
      id: '60000001003', candidate: { id: CANDIDATE_ID }, actor: { id: '4410002003', type: 'user' }, activity_type: 'note',
      body: 'Strong referral from the Go meetup.', visibility: 'private', created_at: '2024-02-02T09:00:00.000Z', remote_data: feed.notes[0],
    },
    {
      id: '63000002003', candidate: { id: CANDIDATE_ID }, actor: { id: '4410002003', type: 'user' }, activity_type: 'email',
      from: [{ email: 'liam.chen@acmehq.com' }], to: [{ email: 'ada.byron@example.com' }],
      cc: [{ email: 'sofia.reyes@acmehq.com' }, { email: 'noah.berg@acmehq.com' }], subject: 'Your onsite', body: 'See you on Tuesday.',
      created_at: '2024-02-16T09:00:00.000Z', remote_data: feed.emails[0],
    },
    {
      id: '63000003003', candidate: { id: CANDIDATE_ID }, actor: { id: CANDIDATE_ID, type: 'candidate' }, activity_type: 'email',
      from: [{ email: 'ada.byron@example.com' }], to: [{ email: 'liam.chen@acmehq.com' }], subject: 'Re: Your onsite',
      body: 'Looking forward to it.', created_at: '2024-02-16T11:00:00.000Z', remote_data: feed.emails[1],
    },
  ]);
  const later = activities.toHarvestNote({ ...ACTIVITIES[0]!, n: 9, createdAt: at('2024-03-01T00:00:00.000Z') }, WORLD);
  t.strictSame(
    activities.activityFeedToUnified({ ...feed, notes: [later, ...feed.notes] }, { candidateId: CANDIDATE_ID }).map((a) => a.id),
    ['60000001003', '63000002003', '63000003003', '60000009003'],
    'notes and emails in creation order',
  );
  check(
    t, 'activities', { schema: activities.GreenhouseActivityFeed, values: [feed] }, { schema: ActivitySchema, values: unified },
    activities.fields,
  );
});

t.test("job_form_fields from the job post's questions", async (t) => {
  const post = jobForms.toHarvestJobPost(JOB, WORLD);
  const { questions, ...rest } = post;
  t.strictSame(rest, {
    id: 4130001003, active: true, live: true, first_published_at: '2024-01-10T08:00:00.000Z', title: 'Senior Backend Engineer',
    location: {
      id: 4219001003, name: 'Berlin Mitte, Germany', office_id: null, job_post_custom_location_id: null,
      job_post_location_type: { id: 1, name: 'Free Text' },
    },
    internal: false, external: true, job_id: 4030001003, content: '<p>Senior Backend Engineer, Platform team, Berlin Mitte.</p>',
    internal_content: null, updated_at: '2024-02-01T08:00:00.000Z', created_at: '2024-01-10T08:00:00.000Z',
    demographic_question_set_id: null,
  });
  const q = (over: Partial<jobForms.GreenhouseJobPostQuestion>) => ({
    required: false, private: false, values: [], description: null, ...over,
  });
  t.strictSame(questions, [
    q({ required: true, label: 'Legal First Name', name: 'first_name', type: 'short_text' }),
    q({ required: true, label: 'Resume/CV', name: 'resume', type: 'attachment' }),
    q({ label: 'Why us?', name: 'question_5120003003', type: 'long_text' }),
    q({
      required: true, private: true, label: 'Need a visa?', name: 'question_5120004003', type: 'boolean',
      values: [{ value: 0, label: 'No' }, { value: 1, label: 'Yes' }],
    }),
    q({
      label: 'Languages', name: 'question_5120005003[]', type: 'multi_select',
      values: [{ value: 6100080003, label: 'Go' }, { value: 6100081003, label: 'Rust' }],
    }),
    q({
      label: 'Notice period', name: 'question_5120006003', type: 'single_select',
      values: [{ value: 6100096003, label: 'None' }, { value: 6100097003, label: '1 month' }],
    }),
  ].map((x) => x as jobForms.GreenhouseJobPostQuestion));
  const fields = jobForms.jobFormFieldsToUnified(post);
  t.strictSame(fields[4], {
    id: '4130001003:question_5120005003', name: 'question_5120005003[]', job: { id: '4030001003' }, label: 'Languages', index: 4,
    is_required: false, answer_visibility: 'public', type: 'checkbox',
    options: [{ id: '6100080003', label: 'Go', value: '6100080003' }, { id: '6100081003', label: 'Rust', value: '6100081003' }],
    remote_data: questions[4],
  });
  t.strictSame(
    fields.map((f) => [f.type, f.answer_visibility]),
    [['text', 'public'], ['file', 'public'], ['textarea', 'public'], ['radio', 'private'], ['checkbox', 'public'], ['dropdown', 'public']],
    'types and visibilities',
  );
  // Harvest's own documented custom question: a description, and `required` null (unknown, so left out).
  const documented = {
    ...post,
    questions: [{ required: null, private: false, label: 'LinkedIn Profile', name: 'question_45678', type: 'short_text' as const, values: [], description: '<p>Your profile URL.</p>' }],
  };
  const [linkedin] = jobForms.jobFormFieldsToUnified(documented);
  t.strictSame(linkedin, {
    id: '4130001003:question_45678', name: 'question_45678', job: { id: '4030001003' }, label: 'LinkedIn Profile', index: 0,
    answer_visibility: 'public', description: '<p>Your profile URL.</p>', type: 'text', remote_data: documented.questions[0],
  });
  t.equal(jobForms.toHarvestJobPost({ ...JOB, status: 'draft' }, WORLD).first_published_at, null, 'a draft was never published');
  const keyless: Question = {
    n: 7, key: null, label: 'Cover Letter', type: 'file', required: false, options: [], group: 'Personal information', visibility: 'public',
  };
  t.equal(jobForms.toHarvestQuestion(keyless).name, 'cover_letter', 'a standard question without a key is known by its label');
  t.equal(jobForms.toHarvestQuestion({ ...keyless, label: 'Portfolio' }).name, 'question_5120007003', 'any other is a custom one');
  check(
    t, 'job_form_fields', { schema: jobForms.GreenhouseJobPost, values: [post, documented] },
    { schema: JobFormFieldSchema, values: [...fields, linkedin!] }, jobForms.fields,
  );
});

t.test('the unified schemas refuse unknown keys and require only an id', async (t) => {
  const schemas = {
    ActivitySchema, DepartmentSchema, EeocSchema, InterviewSchema, JobFormFieldSchema, JobInterviewStageSchema, JobSchema, OfferSchema,
    OfficeSchema, OrganizationSchema, RejectReasonSchema, ScorecardSchema, TagSchema, UserSchema,
  };
  for (const [name, schema] of Object.entries(schemas)) {
    t.ok(Value.Check(schema, { id: 'x' }), `${name}: an id alone`);
    t.ok(Value.Check(schema, { id: 'x', remote_data: { a: 1 } }), `${name}: with remote_data`);
    t.notOk(Value.Check(schema, {}), `${name}: no id`);
    t.notOk(Value.Check(schema, { id: 'x', nonsense: 1 }), `${name}: an unknown key`);
  }
  t.notOk(Value.Check(OfferSchema, { id: 'x', status: 'accepted' }), "Harvest's `accepted` is no unified offer status");
  t.notOk(Value.Check(JobSchema, { id: 'x', departments: [{ id: '1', name: 'a', parent_id: null }] }), 'nested objects are closed too');
});

t.test('every {id} a unified record names is a record of the same small world', async (t) => {
  const feed = activities.toHarvestActivityFeed(CANDIDATE, WORLD);
  const job = jobs.toHarvestJob(JOB, WORLD);
  const records = {
    users: WORLD.users.map((u) => users.userToUnified(users.toHarvestUser(u))),
    departments: WORLD.departments.map((d) => departments.departmentToUnified(departments.toHarvestDepartment(d, WORLD))),
    offices: WORLD.offices.map((o) => offices.officeToUnified(offices.toHarvestOffice(o, WORLD))),
    jobs: [jobs.jobToUnified(job)],
    stages: STAGES.map((s) => jobStages.jobStageToUnified(jobStages.toHarvestJobStage(s, JOB))),
    interviews: INTERVIEWS.flatMap((i) => {
      const raw = interviews.toHarvestScheduledInterview(i, CANDIDATE, WORLD);
      return raw ? [interviews.interviewToUnified(raw)] : [];
    }),
    scorecards: [scorecards.scorecardToUnified(scorecards.toHarvestScorecard(SCORECARD, CANDIDATE, WORLD))],
    offers: OFFERS.map((o) => offers.offerToUnified(offers.toHarvestOffer(o, CANDIDATE, WORLD))),
    eeocs: [eeoc.eeocToUnified(eeoc.toHarvestEeoc(EEOC, CANDIDATE))],
    activities: activities.activityFeedToUnified(feed, { candidateId: CANDIDATE_ID }),
    forms: jobForms.jobFormFieldsToUnified(jobForms.toHarvestJobPost(JOB, WORLD)),
  };
  const idsOf = (list: { id: string }[]) => new Set(list.map((r) => r.id));
  const known: Record<string, Set<string>> = {
    user: idsOf(records.users),
    department: idsOf(records.departments),
    office: idsOf(records.offices),
    job: idsOf(records.jobs),
    stage: idsOf(records.stages),
    candidate: new Set([CANDIDATE_ID]),
    application: new Set([APPLICATION_ID]),
  };
  const refs: [string, string, string | undefined][] = [
    ...records.departments.map((d) => ['department parent', 'department', d.parent?.id] as [string, string, string | undefined]),
    ...records.offices.map((o) => ['office parent', 'office', o.parent?.id] as [string, string, string | undefined]),
    ...records.jobs.flatMap((j) => [
      ...(j.departments ?? []).map((d) => ['job department', 'department', d.id]),
      ...(j.offices ?? []).map((o) => ['job office', 'office', o.id]),
      ...(j.hiring_managers ?? []).map((u) => ['job hiring manager', 'user', u.id]),
      ...(j.recruiters ?? []).map((u) => ['job recruiter', 'user', u.id]),
    ] as [string, string, string][]),
    ...records.stages.map((s) => ['stage job', 'job', s.job?.id] as [string, string, string | undefined]),
    ...records.interviews.flatMap((i) => [
      ['interview application', 'application', i.application?.id],
      ['interview stage', 'stage', i.job_interview_stage?.id],
      ['interview organizer', 'user', i.organizer?.id],
      ...(i.interviewers ?? []).map((u) => ['interviewer', 'user', u.id]),
    ] as [string, string, string | undefined][]),
    ...records.scorecards.flatMap((s) => [
      ['scorecard application', 'application', s.application?.id],
      ['scorecard candidate', 'candidate', s.candidate?.id],
      ['scorecard interviewer', 'user', s.interviewer?.id],
    ] as [string, string, string | undefined][]),
    ...records.offers.flatMap((o) => [
      ['offer application', 'application', o.application?.id],
      ['offer candidate', 'candidate', o.candidate?.id],
      ['offer job', 'job', o.job?.id],
    ] as [string, string, string | undefined][]),
    ...records.eeocs.map((e) => ['eeoc candidate', 'candidate', e.candidate?.id] as [string, string, string | undefined]),
    ...records.activities.flatMap((a) => [
      ['activity candidate', 'candidate', a.candidate?.id],
      ['activity actor', a.actor?.type ?? 'user', a.actor?.id],
    ] as [string, string, string | undefined][]),
    ...records.forms.map((f) => ['form field job', 'job', f.job?.id] as [string, string, string | undefined]),
  ];
  const named = refs.filter(([, , id]) => id !== undefined);
  t.equal(named.length, 41, 'every reference the fixtures give (departments and offices: only the children have parents)');
  for (const [what, kind, id] of named) t.ok(known[kind]!.has(id!), `${what} ${id} is a ${kind}`);
  const scorecardIds = records.interviews.flatMap((i) => (i.remote_data!.interviewers as { scorecard_id: number | null }[]).map((x) => x.scorecard_id));
  t.strictSame(scorecardIds.filter((x) => x !== null).map(String), records.scorecards.map((s) => s.id), "interviewers' scorecard ids are the scorecards");
});
