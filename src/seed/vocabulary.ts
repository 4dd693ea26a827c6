// Faker's words (names, e-mail domains, company nouns) are in names.ts: this file is also read while serving (Lever's
// stage ids, Breezy's offices), which must not load faker.

/** Real places, so a city never lands in the wrong state. */
export const PLACES = [
  'New York, NY', 'Brooklyn, NY', 'Los Angeles, CA', 'San Francisco, CA', 'Oakland, CA', 'San Jose, CA', 'San Diego, CA',
  'Seattle, WA', 'Portland, OR', 'Austin, TX', 'Dallas, TX', 'Houston, TX', 'Denver, CO', 'Boulder, CO', 'Chicago, IL',
  'Boston, MA', 'Cambridge, MA', 'Atlanta, GA', 'Miami, FL', 'Raleigh, NC', 'Durham, NC', 'Nashville, TN',
  'Minneapolis, MN', 'Madison, WI', 'Pittsburgh, PA', 'Philadelphia, PA', 'Washington, DC', 'Arlington, VA',
  'Salt Lake City, UT', 'Phoenix, AZ', 'Columbus, OH', 'Detroit, MI', 'Ann Arbor, MI', 'Toronto, ON', 'Vancouver, BC',
  'Montreal, QC', 'London, United Kingdom', 'Dublin, Ireland', 'Berlin, Germany', 'Amsterdam, Netherlands',
];

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

/** Departments that group the job departments above (a parent has no jobs of its own). */
export const DEPARTMENT_GROUPS: Record<string, string[]> = {
  'Research & Development': ['Engineering', 'Data', 'Product'],
  'Go To Market': ['Sales', 'Customer Success', 'Marketing'],
  'General & Administrative': ['People', 'Finance', 'Operations'],
};

/** Each office's full location, and the region it is grouped under. */
export const OFFICE_PLACES: Record<string, { location: string; region: string }> = {
  'San Francisco, CA': { location: 'San Francisco, California, United States', region: 'North America' },
  'New York, NY': { location: 'New York, New York, United States', region: 'North America' },
  'Austin, TX': { location: 'Austin, Texas, United States', region: 'North America' },
  'Seattle, WA': { location: 'Seattle, Washington, United States', region: 'North America' },
  'Chicago, IL': { location: 'Chicago, Illinois, United States', region: 'North America' },
  'Boston, MA': { location: 'Boston, Massachusetts, United States', region: 'North America' },
  'Denver, CO': { location: 'Denver, Colorado, United States', region: 'North America' },
  'London, United Kingdom': { location: 'London, England, United Kingdom', region: 'EMEA' },
  'Berlin, Germany': { location: 'Berlin, Germany', region: 'EMEA' },
  'Toronto, Canada': { location: 'Toronto, Ontario, Canada', region: 'North America' },
  'Remote (US)': { location: 'United States', region: 'North America' },
  'Remote (EMEA)': { location: 'Europe, Middle East and Africa', region: 'EMEA' },
};

/**
 * The interview held at each stage that has one, its usual length, and who sits it: the job's recruiter, its hiring
 * manager, or a panel of interviewers (with the hiring manager on the onsite).
 */
export type InterviewPanel = 'recruiter' | 'hiring_manager' | 'interviewers' | 'onsite';
export const STAGE_INTERVIEWS: Record<string, { name: string; minutes: number; panel: InterviewPanel }> = {
  'Recruiter Screen': { name: 'Recruiter Phone Screen', minutes: 30, panel: 'recruiter' },
  'Hiring Manager Screen': { name: 'Hiring Manager Call', minutes: 45, panel: 'hiring_manager' },
  'Technical Interview': { name: 'Technical Interview', minutes: 60, panel: 'interviewers' },
  'Onsite Interview': { name: 'Onsite Interview Loop', minutes: 240, panel: 'onsite' },
  'Reference Check': { name: 'Reference Call', minutes: 30, panel: 'recruiter' },
};

export const VIDEO_LOCATIONS = ['Zoom', 'Zoom', 'Google Meet', 'Microsoft Teams'];

type QuestionSpec = {
  label: string;
  type: 'text' | 'textarea' | 'dropdown' | 'file' | 'checkbox' | 'radio' | 'date' | 'number';
  required: boolean;
  options?: string[];
  visibility?: 'public' | 'private';
};

/** The fields every job post asks for, with the form keys Greenhouse gives them. */
export const BASIC_QUESTIONS: readonly (QuestionSpec & { key: string })[] = [
  { key: 'first_name', label: 'First Name', type: 'text', required: true },
  { key: 'last_name', label: 'Last Name', type: 'text', required: true },
  { key: 'email', label: 'Email', type: 'text', required: true },
  { key: 'phone', label: 'Phone', type: 'text', required: false },
  { key: 'resume', label: 'Resume/CV', type: 'file', required: true },
  { key: 'cover_letter', label: 'Cover Letter', type: 'file', required: false },
];

const YES_NO = ['Yes', 'No'];
/** Questions any job may ask. */
export const COMMON_QUESTIONS: readonly QuestionSpec[] = [
  { label: 'LinkedIn Profile', type: 'text', required: false },
  { label: 'Are you legally authorized to work in the country where this job is located?', type: 'radio', required: true, options: YES_NO },
  { label: 'Will you now or in the future require visa sponsorship?', type: 'radio', required: true, options: YES_NO },
  { label: 'How did you hear about this job?', type: 'dropdown', required: false, options: ['LinkedIn', 'Indeed', 'Company website', 'A friend or colleague', 'Event or meetup', 'Other'] },
  { label: 'What are your salary expectations (annual, USD)?', type: 'number', required: false, visibility: 'private' },
  { label: 'What is the earliest date you could start?', type: 'date', required: false },
  { label: 'Why do you want to work with us?', type: 'textarea', required: false },
  { label: 'Which working arrangement do you prefer?', type: 'dropdown', required: false, options: ['On-site', 'Hybrid', 'Remote'] },
  { label: 'I have read and agree to the candidate privacy notice', type: 'checkbox', required: true, options: ['I agree'] },
];

/** Questions specific to a department's jobs. */
export const DEPARTMENT_QUESTIONS: Record<string, readonly QuestionSpec[]> = {
  Engineering: [
    { label: 'GitHub or GitLab profile', type: 'text', required: false },
    { label: 'Which languages have you used in production?', type: 'checkbox', required: false, options: ['TypeScript', 'Python', 'Go', 'Java', 'Rust', 'C++', 'Ruby'] },
    { label: 'Years of professional software engineering experience', type: 'number', required: true },
    { label: 'Describe a system you designed and the trade-offs you made.', type: 'textarea', required: false },
  ],
  Data: [
    { label: 'Which tools do you use day to day?', type: 'checkbox', required: false, options: ['SQL', 'Python', 'dbt', 'Spark', 'Airflow', 'Tableau', 'Looker'] },
    { label: 'Years of experience working with data', type: 'number', required: true },
    { label: 'Link to a project or notebook you are proud of', type: 'text', required: false },
  ],
  Product: [
    { label: 'Portfolio or case study link', type: 'text', required: true },
    { label: 'Tell us about a product decision you would make differently today.', type: 'textarea', required: false },
    { label: 'Which stage of company have you worked at most?', type: 'radio', required: false, options: ['Seed / Series A', 'Growth', 'Public company'] },
  ],
  Sales: [
    { label: 'Years of B2B sales experience', type: 'number', required: true },
    { label: 'Which CRM tools have you used?', type: 'checkbox', required: false, options: ['Salesforce', 'HubSpot', 'Pipedrive', 'Outreach', 'Gong'] },
    { label: 'What was your quota attainment last year?', type: 'dropdown', required: false, options: ['Below 80%', '80–100%', '100–120%', 'Above 120%'] },
  ],
  'Customer Success': [
    { label: 'How many accounts have you managed at once?', type: 'number', required: false },
    { label: 'Which support tools have you used?', type: 'checkbox', required: false, options: ['Zendesk', 'Intercom', 'Gainsight', 'Salesforce Service Cloud'] },
  ],
  Marketing: [
    { label: 'Link to work samples', type: 'text', required: true },
    { label: 'Which channels have you owned?', type: 'checkbox', required: false, options: ['Content', 'SEO', 'Paid social', 'Events', 'Lifecycle email'] },
  ],
  People: [
    { label: 'Which ATS and HRIS tools have you used?', type: 'checkbox', required: false, options: ['Greenhouse', 'Lever', 'Ashby', 'Workday', 'BambooHR'] },
    { label: 'Do you hold a PHR or SHRM certification?', type: 'radio', required: false, options: YES_NO },
  ],
  Finance: [
    { label: 'Are you a Certified Public Accountant (CPA)?', type: 'radio', required: true, options: YES_NO },
    { label: 'Which ERP systems have you used?', type: 'checkbox', required: false, options: ['NetSuite', 'SAP', 'QuickBooks', 'Oracle'] },
  ],
  Operations: [
    { label: 'Describe a process you improved and how you measured it.', type: 'textarea', required: false },
    { label: 'Are you able to work from the office three days a week?', type: 'radio', required: true, options: YES_NO },
  ],
};

/** Scorecard attributes by interview, as Greenhouse groups them (`Skills`, `Qualifications`, `Personality Traits`…). */
export const SCORECARD_ATTRIBUTES: Record<InterviewPanel, readonly string[]> = {
  recruiter: ['Communication', 'Motivation', 'Compensation alignment', 'Culture add'],
  hiring_manager: ['Relevant experience', 'Ownership', 'Communication', 'Team fit'],
  interviewers: ['Problem solving', 'Technical depth', 'Code quality', 'Communication'],
  onsite: ['Problem solving', 'Technical depth', 'Collaboration', 'Ownership', 'Communication'],
};

/** Key take-aways a scorecard might say, by how the interview went. */
export const TAKEAWAYS: Record<'positive' | 'mixed' | 'negative', readonly string[]> = {
  positive: [
    'Clear, structured thinker. Explained trade-offs without prompting and asked sharp questions about the team.',
    'Strong signal across the board. Would be excited to work with them.',
    'Solid fundamentals and great communication; ramp-up should be quick.',
    'Walked through a past project in depth and owned the hard parts. Recommend moving forward.',
  ],
  mixed: [
    'Good communication, but the depth was uneven. Worth another conversation to probe the gaps.',
    'Some strong moments, some hesitation on the fundamentals. On the fence.',
    'Experience is relevant but mostly at a larger scale than ours; unsure how they would do with less structure.',
  ],
  negative: [
    'Struggled to get to a working approach even with hints. Not a fit for this level.',
    'Answers stayed vague; could not give concrete examples of their own contribution.',
    'Compensation expectations and role scope are far from what we can offer.',
  ],
};

/** Notes a hiring team leaves on a candidate, by moment. */
export const NOTES = {
  afterInterview: [
    'Spoke with the panel: consensus is to move forward.',
    'Great conversation. Candidate is also interviewing elsewhere, so we should move quickly.',
    'Candidate asked about remote flexibility and how the team is structured; followed up by email.',
    'Feedback is mixed. Scheduling a debrief with the hiring manager before deciding.',
    'Candidate has a notice period of four weeks.',
  ],
  profile: [
    'Met at a meetup; very interested in our platform work.',
    'Referred by a former colleague; strong recommendation.',
    'Keep warm for future openings on the team.',
    'Reached out on LinkedIn; open to a conversation next quarter.',
  ],
  hired: ['Offer accepted! Kicking off onboarding.', 'Signed and returned the offer. Welcome aboard!'],
};

/** US EEOC self-identification answers, in Greenhouse's words, with believable shares. */
export const EEOC = {
  race: [
    [0.4, 'White'], [0.15, 'Asian'], [0.12, 'Hispanic or Latino'], [0.1, 'Black or African American'],
    [0.04, 'Two or More Races'], [0.01, 'American Indian or Alaskan Native'],
    [0.01, 'Native Hawaiian or Other Pacific Islander'], [0.17, 'Decline To Self Identify'],
  ],
  gender: [[0.48, 'Male'], [0.42, 'Female'], [0.1, 'Decline To Self Identify']],
  veteranStatus: [
    [0.85, 'I am not a protected veteran'],
    [0.04, 'I identify as one or more of the classifications of a protected veteran'],
    [0.11, "I don't wish to answer"],
  ],
  disabilityStatus: [
    [0.8, 'No, I don’t have a disability, or a history/record of having a disability'],
    [0.06, 'Yes, I have a disability, or have a history/record of having a disability'],
    [0.14, "I don't wish to answer"],
  ],
} as const satisfies Record<string, readonly (readonly [number, string])[]>;
