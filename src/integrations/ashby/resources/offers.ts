import type { Offer } from '../../../model/offer.js';
import { refKey } from '../../../store/records.js';
import { ashbyResource } from '../api.js';
import { AshbyOffer, fields, offerToUnified } from '../shapes/offers.js';

/** `offer.list` (`applicationId`, cursor, syncToken); Truto lists only. */
export const offers = ashbyResource<Offer, AshbyOffer>({
  kind: 'offer',
  methods: ['list'],
  fields,
  list: 'offer.list',
  supported: ['application_id'],
  query: ({ filters }) => (filters.application_id !== undefined ? { keys: [refKey('application', filters.application_id)] } : {}),
  body: ({ filters }) => ({ applicationId: filters.application_id }),
  rawSchema: AshbyOffer,
  toUnified: ({ raw }) => offerToUnified(raw),
});
