/**
 * Workable's ids are short lowercase hex strings (`27273038`, `ce4da98`), rising with insertion order, and a job is
 * named by its `shortcode` (`9CD658E13E`). Ids here are made from the world's numbers: an offset plus a fixed step
 * per number, so they never collide within a kind and grow in the order records are stored, which keeps Workable's
 * `since_id` ("ids greater than or equal to") meaningful.
 */
const hex = (base: number, step: number) => (n: number) => (base + n * step).toString(16);

export const ids = {
  /** A candidate is one person on one job: numbered by the world's application. */
  candidate: hex(0x2700_0000, 0x1b1),
  /** Files have no id in Workable's answers; the mock names them in the same style. */
  file: hex(0x3f00_0000, 0x13d),
  /** Shortcodes: ten upper-case hex digits. */
  shortcode: (n: number) => `${(0x9c00_0000 + n * 0x2f1b).toString(16)}${((n * 37) & 0xff).toString(16).padStart(2, '0')}`.toUpperCase(),
  /** The numeric ids Workable's back office uses in `profile_url`. */
  backendJob: (n: number) => 5_986_000 + n,
  backendCandidate: (n: number) => 656_878_000 + n,
  education: hex(0x1e00_0000, 0x7f),
  experience: hex(0x1f00_0000, 0x7f),
};

/** The emulated account's Workable subdomain: SPI v3 lives under it. */
export const SUBDOMAIN = 'starkstudios';
export const ACCOUNT = { subdomain: SUBDOMAIN, name: 'Stark Studios' } as const;
export const SPI = `https://${SUBDOMAIN}.workable.com/spi/v3`;

/** The id `since_id` must name to get the records after this one: Workable's ids compare as hex numbers. */
export const successor = (id: string): string => (parseInt(id, 16) + 1).toString(16);

/** Workable's timestamps: ISO 8601 in UTC, whole seconds, no milliseconds (`2026-07-23T19:21:06Z`). */
export const seconds = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** A stage's slug, as Workable's `/stages` names it (`Phone Screen` → `phone-screen`). */
export const stageSlug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Ids of the account's other records, in the same hex style, rising with the world's numbers. */
export const more = {
  job: hex(0x6100_0000, 0x59),
  /** Departments are short hex strings; jobs' `department_hierarchy` names them by the same number, as an integer. */
  departmentNumber: (n: number) => 0x92b00 + n,
  department: (n: number) => (0x92b00 + n).toString(16),
  member: hex(0x1f_3900, 0x3),
  /** Stages have an integer id and a hex `identifier`; the pipeline's closing "Hired" stage is numbered per job. */
  stage: (n: number) => 5_272_000 + n,
  hiredStage: (jobN: number) => 5_900_000 + jobN,
  stageIdentifier: (id: number) => (0x500000 + id - 5_272_000).toString(16),
  activity: hex(0x9074_0000, 0x2b),
  /** An activity a write records (a stage move), by the write's number: above every seeded one, as Workable's rise. */
  writtenActivity: hex(0xa000_0000, 0x1),
};
