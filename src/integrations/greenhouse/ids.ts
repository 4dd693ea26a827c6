/**
 * Harvest ids are integers; Greenhouse's end in the shard number (…003). Each kind gets its own range, so an
 * id never stands for two things.
 */
// `(base + n) * 1000 + 3` written as digits: base + n is a small integer, whose digits V8 makes much faster than
// those of the product (a double), and seeding makes millions of ids.
const id = (base: number) => (n: number) => `${base + n}003`;

export const ids = {
  candidate: id(17_130_000),
  application: id(19_210_000),
  attachment: id(52_300_000),
  job: id(4_030_000),
  stage: id(5_810_000),
  user: id(4_410_000),
  source: (n: number) => String(4000 + n),
  rejectReason: (n: number) => String(8000 + n),
  education: id(2_200_000),
  employment: id(3_300_000),
  department: id(4_020_000),
  office: id(4_015_000),
  /** A job's (one) opening. */
  opening: id(4_320_000),
  /** The interview a job stage holds (`job_stages[].interviews[].id`, `scheduled_interviews[].interview.id`). */
  stageInterview: id(5_620_000),
  interviewKit: id(5_680_000),
  scheduledInterview: id(40_380_000),
  scorecard: id(11_000_000),
  /** A scorecard's custom text question: `n` is the scorecard's n × 8 + the question's index. */
  scorecardQuestion: id(20_000_000),
  offer: id(12_500_000),
  tag: (n: number) => String(360 + n),
  /** The job's (one) post; the same number applications carry as `job_post_id`. */
  jobPost: (n: number): string => String(Number(ids.job(n)) + 100_000_000),
  jobPostLocation: id(4_219_000),
  /** A custom application question (`question_<id>`): numbered by the world's question n. */
  question: id(5_120_000),
  /** A select question's option: `n` is the question's n × 16 + the option's index. */
  questionOption: id(6_100_000),
  note: id(60_000_000),
  email: id(63_000_000),
  /** The activity feed's system entry for a candidate's arrival, numbered by the candidate's n. */
  feedActivity: id(68_320_000),
};

/** The job stage holding an interview: Harvest's stage record lists its interviews, so the link is Harvest's own. */
export const stageOfStageInterview = (interviewId: string): string => ids.stage((Number(interviewId) - 3) / 1000 - 5_620_000);

export const HARVEST = 'https://harvest.greenhouse.io/v1';
