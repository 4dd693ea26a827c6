import type { Offer } from '../../../model/offer.js';
import { enc, harvestResource } from '../api.js';
import { fields, GreenhouseOffer, offerToUnified } from '../shapes/offers.js';

/**
 * `GET /v1/offers` (dates), or `GET /v1/applications/{id}/offers` for one application: "if specified, no other query
 * parameters can be used", so the per-application call carries none (and the dates are not applied). `start_date`
 * is Harvest's `starts_after`/`starts_before` on the offer's `starts_at` day (its midnight UTC).
 */
export const offers = harvestResource<Offer, GreenhouseOffer>({
  kind: 'offer',
  methods: ['list'],
  fields,
  path: '/offers',
  rawSchema: GreenhouseOffer,
  toUnified: ({ raw }) => offerToUnified(raw),
  supported: ['created_at', 'updated_at'],
  recordDates: [{ filter: 'start_date', paths: ['$.starts_at'], after: 'starts_after', before: 'starts_before' }],
  scope: { filter: 'application_id', ref: 'application', path: (id) => `/applications/${enc(id)}/offers`, exclusive: true },
});
