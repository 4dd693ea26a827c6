import { iso } from '../../seed/reference-time.js';
import type { World, WorldUser } from '../../seed/world.js';
import type { Refs } from '../../store/records.js';
import type { SeedRecord } from '../types.js';
import { ids } from './ids.js';
import { applicationRecord, candidateRecord } from './records.js';
import type { StoredQuestion } from './resources/job-form-fields.js';
import { toHarvestEmail, toHarvestNote } from './shapes/activities.js';
import { toHarvestDepartment } from './shapes/departments.js';
import { toHarvestEeoc } from './shapes/eeoc.js';
import { toHarvestScheduledInterview } from './shapes/interviews.js';
import { toHarvestJobPost } from './shapes/job-form-fields.js';
import { toHarvestJobStage } from './shapes/job-stages.js';
import { toHarvestJob } from './shapes/jobs.js';
import { toHarvestOffer } from './shapes/offers.js';
import { toHarvestOffice } from './shapes/offices.js';
import { toHarvestRejectionReason } from './shapes/reject-reasons.js';
import { storedScorecard } from './shapes/scorecards.js';
import { toHarvestTag } from './shapes/tags.js';
import { toHarvestUser } from './shapes/users.js';
import type { GreenhouseApplication, GreenhouseAttachment, GreenhouseCandidate } from './raw.js';

const year = (y: number) => `${y}-01-01T00:00:00.000Z`;

/**
 * The world as Greenhouse stores it. Candidates and applications are kept without their embedded attachments
 * (and candidates without their applications): those are rows of their own and are put back in when read, so
 * each fact is stored once. File URLs depend on the caller's host and are filled in when read too.
 */
export function* greenhouseSeed(world: World): Generator<SeedRecord> {
  const userRef = (n: number | null) => (n === null ? null : userRefOf(world.users[n - 1]!));

  for (const u of world.users) yield row('user', ids.user(u.n), iso(u.createdAt), iso(u.updatedAt), toHarvestUser(u));
  for (const d of world.departments) yield row('department', ids.department(d.n), iso(d.createdAt), iso(d.createdAt), toHarvestDepartment(d, world));
  for (const o of world.offices) yield row('office', ids.office(o.n), iso(o.createdAt), iso(o.createdAt), toHarvestOffice(o, world));
  for (const t of world.tags) yield row('tag', toHarvestTag(t).id.toString(), iso(t.createdAt), iso(t.createdAt), toHarvestTag(t));
  for (const s of world.sources) {
    yield row('source', ids.source(s.n), iso(0), iso(0), {
      id: Number(ids.source(s.n)),
      name: s.name,
      type: { id: world.sources.indexOf(s) + 1, name: s.type },
    });
  }
  for (const r of world.rejectReasons) yield row('reject_reason', ids.rejectReason(r.n), iso(0), iso(0), toHarvestRejectionReason(r));
  for (const job of world.jobs) {
    const jobId = ids.job(job.n);
    yield row('job', jobId, iso(job.createdAt), iso(job.updatedAt), toHarvestJob(job, world));
    for (const stage of job.stages) {
      yield row('job_stage', ids.stage(stage.n), iso(job.createdAt), iso(job.createdAt), toHarvestJobStage(stage, job), { job: jobId });
    }
    const post = toHarvestJobPost(job, world);
    for (const [index, question] of post.questions.entries()) {
      const stored: StoredQuestion = { post_id: post.id, job_id: Number(jobId), index, question };
      const id = `${post.id}:${question.name.replace(/\[\]$/, '')}`;
      yield row('job_form_field', id, post.created_at, post.updated_at, stored, { job: jobId });
    }
  }

  for (const c of world.candidates()) {
    const candidateId = c.pinnedId ?? ids.candidate(c.n);
    const appIds = new Map(c.applications.map((a) => [a.n, a.pinnedId ?? ids.application(a.n)]));
    const candidate: GreenhouseCandidate = {
      id: Number(candidateId),
      first_name: c.firstName,
      last_name: c.lastName,
      company: c.company,
      title: c.title,
      created_at: iso(c.createdAt),
      updated_at: iso(c.updatedAt),
      last_activity: iso(c.lastActivityAt),
      is_private: c.isPrivate,
      photo_url: null,
      attachments: [],
      application_ids: c.applications.map((a) => Number(appIds.get(a.n))),
      phone_numbers: c.phones.map((p) => ({ value: p.extension ? `${p.number} x${p.extension}` : p.number, type: p.type })),
      addresses: c.addresses.map((a) => ({ value: a.value, type: a.type })),
      email_addresses: c.emails.map((e) => ({ value: e.address, type: e.type })),
      website_addresses: c.websites.map((w) => ({ value: w.url, type: w.type })),
      social_media_addresses: c.socials.map((value) => ({ value })),
      recruiter: userRef(c.recruiterN),
      coordinator: userRef(c.coordinatorN),
      can_email: c.canEmail,
      tags: c.tags,
      applications: [],
      educations: c.educations.map((e) => ({
        id: Number(ids.education(e.n)),
        school_name: e.school,
        degree: e.degree,
        discipline: null,
        start_date: year(e.startYear),
        end_date: year(e.endYear),
      })),
      employments: c.employments.map((e) => ({
        id: Number(ids.employment(e.n)),
        company_name: e.company,
        title: e.title,
        start_date: year(e.startYear),
        end_date: e.endYear === null ? null : year(e.endYear),
      })),
      linked_user_ids: [],
      custom_fields: {},
      keyed_custom_fields: {},
    };
    yield { kind: 'candidate', record: candidateRecord(candidate, c.applications.map((a) => ids.job(a.jobN))) };

    for (const a of c.applications) {
      const job = world.jobs[a.jobN - 1]!;
      const stage = world.stages.get(a.stageN)!.stage;
      const reason = a.rejectReasonN === undefined ? null : toHarvestRejectionReason(world.rejectReasons[a.rejectReasonN - 1]!);
      const source = world.sources[a.sourceN - 1]!;
      const application: GreenhouseApplication = {
        id: Number(appIds.get(a.n)),
        candidate_id: Number(candidateId),
        prospect: false,
        applied_at: iso(a.appliedAt),
        rejected_at: a.rejectedAt === undefined ? null : iso(a.rejectedAt),
        last_activity_at: iso(a.lastActivityAt),
        location: c.addresses[0] ? { address: c.addresses[0].value } : null,
        source: { id: Number(ids.source(source.n)), public_name: source.name },
        credited_to: userRef(a.creditedToN),
        recruiter: userRef(job.recruiterN),
        coordinator: null,
        rejection_reason: reason,
        rejection_details: reason ? { custom_fields: {}, keyed_custom_fields: {} } : null,
        jobs: [{ id: Number(ids.job(job.n)), name: job.title }],
        job_post_id: Number(ids.job(job.n)) + 100_000_000,
        status: a.status,
        current_stage: { id: Number(ids.stage(stage.n)), name: stage.name },
        answers: [],
        prospective_office: null,
        prospective_department: null,
        prospect_detail: { prospect_pool: null, prospect_stage: null, prospect_owner: null },
        custom_fields: {},
        keyed_custom_fields: {},
        attachments: [],
      };
      yield { kind: 'application', record: applicationRecord(application) };
    }

    for (const f of c.attachments) {
      const app = c.applications.find((a) => a.n === f.applicationN);
      const attachment: GreenhouseAttachment = {
        filename: f.fileName,
        url: '',
        type: f.subtype as GreenhouseAttachment['type'],
        created_at: iso(f.createdAt),
      };
      yield {
        kind: 'attachment',
        record: {
          id: f.pinnedId ?? ids.attachment(f.n),
          refs: { candidate: candidateId, ...(app ? { application: appIds.get(app.n)!, job: ids.job(app.jobN) } : {}) },
          created_at: attachment.created_at,
          updated_at: attachment.created_at,
          raw: JSON.stringify(attachment),
        },
      };
    }

    // Only the relation Harvest reads them through (`/applications/{id}/…`): each ref is an indexed key to write.
    const application = (applicationN: number) => ({ application: appIds.get(applicationN)! });
    for (const i of c.interviews) {
      const raw = toHarvestScheduledInterview(i, c, world);
      // A cancelled interview is gone from Harvest.
      if (raw) yield row('interview', String(raw.id), raw.created_at, raw.updated_at, raw, application(i.applicationN));
    }
    for (const sc of c.scorecards) {
      const stored = storedScorecard(sc, c, world);
      yield row('scorecard', String(stored.id), stored.created_at, stored.updated_at, stored, application(sc.applicationN));
    }
    for (const o of c.offers) {
      const raw = toHarvestOffer(o, c, world);
      yield row('offer', String(raw.id), raw.created_at, raw.updated_at, raw, application(o.applicationN));
    }
    for (const act of c.activities) {
      const raw = act.kind === 'note' ? toHarvestNote(act, world) : toHarvestEmail(act, world);
      yield row('activity', String(raw.id), raw.created_at, raw.created_at, raw, { candidate: candidateId });
    }
    if (c.eeoc) {
      const raw = toHarvestEeoc(c.eeoc, c);
      yield row('eeoc', String(raw.application_id), raw.submitted_at, raw.submitted_at, raw);
    }
  }
}

function userRefOf(u: WorldUser) {
  return { id: Number(ids.user(u.n)), first_name: u.firstName, last_name: u.lastName, name: `${u.firstName} ${u.lastName}`, employee_id: null };
}


function row(kind: string, id: string, created: string, updated: string, raw: object, refs?: Refs): SeedRecord {
  return {
    kind,
    record: {
      id,
      ...(refs ? { refs } : {}),
      created_at: created,
      updated_at: updated,
      raw: JSON.stringify(raw),
    },
  };
}
