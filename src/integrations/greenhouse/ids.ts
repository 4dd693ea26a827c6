/**
 * Harvest ids are integers; Greenhouse's end in the shard number (…003). Each kind gets its own range, so an
 * id never stands for two things.
 */
const id = (base: number) => (n: number) => String((base + n) * 1000 + 3);

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
};

export const HARVEST = 'https://harvest.greenhouse.io/v1';
