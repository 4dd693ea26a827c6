import { Faker, base, en, en_US } from '@faker-js/faker';

/** Faker's English vocabulary, read once; the generator draws from it with its own seeded Random. */
const faker = new Faker({ locale: [en_US, en, base] });
const defs = faker.definitions;

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : Object.values(v as Record<string, string[]>).flat();

export const FIRST_NAMES = {
  female: asList(defs.person.first_name.female ?? []),
  male: asList(defs.person.first_name.male ?? []),
};
export const LAST_NAMES = asList(defs.person.last_name).filter((n) => /^[A-Za-z' -]+$/.test(n));
/** Real places, so a city never lands in the wrong state. */
export const PLACES = [
  'New York, NY', 'Brooklyn, NY', 'Los Angeles, CA', 'San Francisco, CA', 'Oakland, CA', 'San Jose, CA', 'San Diego, CA',
  'Seattle, WA', 'Portland, OR', 'Austin, TX', 'Dallas, TX', 'Houston, TX', 'Denver, CO', 'Boulder, CO', 'Chicago, IL',
  'Boston, MA', 'Cambridge, MA', 'Atlanta, GA', 'Miami, FL', 'Raleigh, NC', 'Durham, NC', 'Nashville, TN',
  'Minneapolis, MN', 'Madison, WI', 'Pittsburgh, PA', 'Philadelphia, PA', 'Washington, DC', 'Arlington, VA',
  'Salt Lake City, UT', 'Phoenix, AZ', 'Columbus, OH', 'Detroit, MI', 'Ann Arbor, MI', 'Toronto, ON', 'Vancouver, BC',
  'Montreal, QC', 'London, United Kingdom', 'Dublin, Ireland', 'Berlin, Germany', 'Amsterdam, Netherlands',
];
export const FREE_EMAIL = defs.internet.free_email as string[];
export const COMPANY_NOUNS = asList(defs.company.noun).filter((n) => !n.includes(' '));

export const COMPANY_SUFFIXES = ['Inc', 'LLC', 'Group', 'Labs', 'Systems', 'Technologies', 'Partners', 'Co', 'Holdings', 'Health'];

export const CANDIDATE_TITLES = [
  'Software Engineer', 'Senior Software Engineer', 'Staff Software Engineer', 'Frontend Engineer', 'Backend Engineer',
  'Data Engineer', 'Data Scientist', 'Machine Learning Engineer', 'Site Reliability Engineer', 'DevOps Engineer',
  'Product Manager', 'Senior Product Manager', 'Product Designer', 'UX Researcher', 'Engineering Manager',
  'QA Engineer', 'Security Engineer', 'Solutions Architect', 'Account Executive', 'Sales Development Representative',
  'Customer Success Manager', 'Marketing Manager', 'Content Strategist', 'Recruiter', 'Technical Recruiter',
  'HR Business Partner', 'Financial Analyst', 'Accountant', 'Operations Manager', 'Business Analyst',
  'Support Engineer', 'Technical Writer', 'Mobile Engineer', 'Project Manager', 'Office Manager',
];

export const DEPARTMENTS: Record<string, string[]> = {
  Engineering: ['Software Engineer', 'Senior Software Engineer', 'Staff Software Engineer', 'Frontend Engineer', 'Backend Engineer', 'Site Reliability Engineer', 'Mobile Engineer', 'Engineering Manager', 'QA Engineer', 'Security Engineer'],
  Data: ['Data Engineer', 'Data Scientist', 'Machine Learning Engineer', 'Business Analyst'],
  Product: ['Product Manager', 'Senior Product Manager', 'Product Designer', 'UX Researcher', 'Technical Writer'],
  Sales: ['Account Executive', 'Sales Development Representative', 'Solutions Architect'],
  'Customer Success': ['Customer Success Manager', 'Support Engineer'],
  Marketing: ['Marketing Manager', 'Content Strategist'],
  People: ['Recruiter', 'Technical Recruiter', 'HR Business Partner'],
  Finance: ['Financial Analyst', 'Accountant'],
  Operations: ['Operations Manager', 'Project Manager', 'Office Manager'],
};

export const OFFICES = [
  'San Francisco, CA', 'New York, NY', 'Austin, TX', 'Seattle, WA', 'Chicago, IL', 'Boston, MA', 'Denver, CO',
  'London, United Kingdom', 'Berlin, Germany', 'Toronto, Canada', 'Remote (US)', 'Remote (EMEA)',
];

export const JOB_LEVELS = ['', '', 'Senior ', 'Lead ', 'Principal '];

export const STAGES = [
  'Application Review', 'Recruiter Screen', 'Hiring Manager Screen', 'Technical Interview', 'Onsite Interview',
  'Reference Check', 'Offer',
];

export const SOURCES: readonly (readonly [string, string])[] = [
  ['LinkedIn', 'job_board'], ['Indeed', 'job_board'], ['Company Website', 'company_marketing'],
  ['Referral', 'referral'], ['Glassdoor', 'job_board'], ['Agency', 'agency'], ['Wellfound', 'job_board'],
  ['Career Fair', 'company_marketing'], ['Sourced by Recruiter', 'prospecting'], ['Hacker News', 'job_board'],
];

export const REJECT_REASONS: readonly (readonly [string, string])[] = [
  ['Lacks required experience', 'We rejected them'], ['Not a culture add', 'We rejected them'],
  ['Compensation expectations', 'We rejected them'], ['Position filled', 'We rejected them'],
  ['Failed technical assessment', 'We rejected them'], ['Accepted another offer', 'They rejected us'],
  ['Withdrew application', 'They rejected us'], ['Unresponsive', 'None specified'],
];

export const TAGS = [
  'Top Talent', 'Referral', 'Silver Medalist', 'Needs Visa', 'Remote Only', 'Open to Relocate', 'Returning Candidate',
  'Diversity Sourcing', 'Bootcamp Grad', 'Ex-FAANG', 'Internal', 'Campus', 'Priority', 'Do Not Contact', 'Rehire',
];

export const SCHOOLS = [
  'University of California, Berkeley', 'University of Michigan', 'Georgia Institute of Technology', 'University of Texas at Austin',
  'Carnegie Mellon University', 'University of Washington', 'New York University', 'University of Toronto',
  'Imperial College London', 'Technical University of Munich', 'Arizona State University', 'Purdue University',
];

export const DEGREES = ["Bachelor's Degree", "Master's Degree", 'PhD', 'Associate\'s Degree'];
