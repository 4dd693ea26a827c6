import type { Integration } from '../types.js';
import { ERROR_MESSAGES } from './raw.js';
import { applications } from './resources/applications.js';
import { attachments } from './resources/attachments.js';
import { candidates } from './resources/candidates.js';
import { greenhouseSeed } from './seed.js';

/** Greenhouse Harvest v1: every unified ATS resource but organizations (Truto's coverage). */
export const greenhouse: Integration = {
  name: 'greenhouse',
  // Harvest: per_page defaults to 100, at most 500.
  pageSize: { default: 100, max: 500 },
  seed: greenhouseSeed,
  errorBody: (statusCode) => {
    const message = ERROR_MESSAGES[statusCode] ?? `Request failed with status ${statusCode}`;
    return { statusCode, message, body: { message } };
  },
  resources: { applications, attachments, candidates },
};
