// /v2/store, /v2/time and /v3/channels.

import { json, parseId, v3Data, v3Error } from '../http';
import type { Core } from '../http';
import { fromArray, v3List } from '../pagination';
import { intList, strList } from '../query';
import type { Router } from '../router';
import type { Channel } from '../types';
import { siteUrl } from './storefront';

export function storeInfo(core: Core, name: string): Record<string, unknown> {
	const host = `store-${core.storeHash}.mybigcommerce.com`;
	return {
		id: core.storeHash,
		account_uuid: '00000000-0000-4000-8000-000000000001',
		domain: host,
		// The default channel's storefront: the emulator's own address, where it serves /graphql.
		secure_url: siteUrl(core, 1),
		control_panel_base_url: `https://${host}`,
		status: 'live',
		name,
		first_name: 'Emma',
		last_name: 'Ulator',
		address: '1 Test Street\nAustin, TX 78701',
		country: 'United States',
		country_code: 'US',
		phone: '',
		admin_email: 'owner@example.com',
		order_email: 'orders@example.com',
		favicon_url: '',
		timezone: { name: 'Etc/UTC', raw_offset: 0, dst_offset: 0, dst_correction: false, date_format: { display: 'jS M Y', export: 'M jS Y', extended_display: 'M jS Y @ g:i A' } },
		language: 'en',
		currency: 'USD',
		currency_symbol: '$',
		decimal_separator: '.',
		thousands_separator: ',',
		decimal_places: 2,
		currency_symbol_location: 'left',
		weight_units: 'Ounces',
		dimension_units: 'Inches',
		dimension_decimal_places: 2,
		dimension_decimal_token: '.',
		dimension_thousands_token: ',',
		plan_name: 'Plus',
		plan_level: 'Plus',
		plan_is_trial: false,
		industry: 'Retail',
		logo: [],
		is_price_entered_with_tax: false,
		store_id: Number(core.storeId),
		default_site_id: 1000,
		default_channel_id: 1,
		active_comparison_modules: [],
		features: {
			stencil_enabled: true,
			sitewidehttps_enabled: true,
			facebook_catalog_id: '',
			checkout_type: 'optimized',
			wishlists_enabled: true,
			graphql_storefront_api_enabled: true,
			shopper_consent_tracking_enabled: false,
			multi_storefront_enabled: true,
			storefront_limits: { active: 5, total_including_inactive: 20 },
		},
	};
}

function serializeChannel(c: Channel): Record<string, unknown> {
	return {
		id: c.id,
		icon_url: '',
		is_listable_from_ui: c.is_listable_from_ui,
		is_visible: c.is_visible,
		status: c.status,
		name: c.name,
		type: c.type,
		platform: c.platform,
		date_created: c.date_created,
		date_modified: c.date_modified,
	};
}

export function registerStore(router: Router, storeName: () => string): void {
	router
		.get('/v2/store', (ctx) => json(storeInfo(ctx.core, storeName())))
		.get('/v2/time', () => json({ time: Math.floor(Date.now() / 1000) }))
		.get('/v3/channels', (ctx) => {
			const q = ctx.query;
			const statuses = strList(q, 'status:in');
			const types = strList(q, 'type:in');
			const platforms = strList(q, 'platform:in');
			const ids = intList(q, 'id:in');
			const items = ctx.core.state.channels.filter(
				(c) =>
					(!statuses || statuses.includes(c.status)) &&
					(!types || types.includes(c.type)) &&
					(!platforms || platforms.includes(c.platform)) &&
					(!ids || ids.includes(c.id)) &&
					(q.available === undefined || (q.available === 'true') === (c.status !== 'deleted' && c.status !== 'archived')),
			);
			return v3List(fromArray(items), q, serializeChannel);
		})
		.get('/v3/channels/:id', (ctx) => {
			const id = parseId(ctx.params.id);
			const c = id === null ? undefined : ctx.core.state.channels.get(id);
			if (!c) throw v3Error(404, `Channel with id ${ctx.params.id} not found.`);
			return v3Data(serializeChannel(c));
		});
}
