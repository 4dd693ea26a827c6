import type { Offer } from '../../../model/offer.js';
import { enc, harvestResource } from '../api.js';
import { fields, GreenhouseOffer, offerToUnified } from '../shapes/offers.js';

/**
 * `GET /v1/offers` (dates), or `GET /v1/applications/{id}/offers` for one application: "if specified, no other query
 * parameters can be used", so the per-application call carries none (and the dates are not applied).
 */
export const offers = harvestResource<Offer, GreenhouseOffer>({
  kind: 'offer',
  methods: ['list'],
  fields,
  path: '/offers',
  rawSchema: GreenhouseOffer,
  toUnified: ({ raw }) => offerToUnified(raw),
  supported: ['created_at', 'updated_at'],
  scope: { filter: 'application_id', ref: 'application', path: (id) => `/applications/${enc(id)}/offers`, exclusive: true },
});
