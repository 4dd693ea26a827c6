import { STATUS_CODES } from 'node:http';
import type { RemoteError } from './types.js';

/**
 * A remote API's failure, in that API's own envelope, for injected faults (`errorBody`). `words` holds the API's
 * own wording by status where it is known; any other status reads its standard reason phrase.
 */
export function remoteErrorFor(
  statusCode: number,
  words: Readonly<Record<number, string>>,
  envelope: (message: string, statusCode: number) => object,
): RemoteError {
  const message = words[statusCode] ?? STATUS_CODES[statusCode] ?? `Request failed with status ${statusCode}`;
  return { statusCode, message, body: envelope(message, statusCode) };
}

/** `TooManyRequests` for 429: a reason phrase as one word (Lever's error codes, Breezy's error types). */
export const reasonWord = (statusCode: number): string => (STATUS_CODES[statusCode] ?? 'Error').replace(/[^A-Za-z]/g, '');
