// Products' channel assignments (/v3/catalog/products/channel-assignments): which storefronts
// and marketplaces list a product. A product never assigned is on the default channel 1, as a
// store without multi-storefront has it.

import { ERROR_TYPE, NO_CONTENT, isObject, v3Error, type Ctx } from '../http';
import { fromArray, v3List } from '../pagination';
import { intList } from '../query';
import type { Router } from '../router';
import type { StoreState } from '../state';

export const CHANNEL_ASSIGNMENTS_PATH = '/v3/catalog/products/channel-assignments';

export function channelsOfProduct(state: StoreState, productId: number): Set<number> {
	let channels = state.productChannels.get(productId);
	if (!channels) state.productChannels.set(productId, (channels = new Set([1])));
	return channels;
}

/** The products a filter names that the store has (all of them without one), in ID order. */
function productIds(state: StoreState, filter: number[] | undefined): number[] {
	if (filter) return [...new Set(filter)].filter((id) => state.products.has(id)).sort((a, b) => a - b);
	return [...state.products].map(([id]) => id);
}

function assignments(ctx: Ctx): Array<{ product_id: number; channel_id: number }> {
	const products = intList(ctx.query, 'product_id:in');
	const channels = intList(ctx.query, 'channel_id:in');
	const out: Array<{ product_id: number; channel_id: number }> = [];
	for (const productId of productIds(ctx.core.state, products)) {
		for (const channelId of [...(ctx.core.state.productChannels.get(productId) ?? [1])].sort((a, b) => a - b)) {
			if (!channels || channels.includes(channelId)) out.push({ product_id: productId, channel_id: channelId });
		}
	}
	return out;
}

export function registerChannelAssignments(router: Router): void {
	router
		.get(CHANNEL_ASSIGNMENTS_PATH, (ctx) => v3List(fromArray(assignments(ctx)), ctx.query, (a) => a))
		.put(CHANNEL_ASSIGNMENTS_PATH, (ctx) => {
			const { state } = ctx.core;
			if (!Array.isArray(ctx.body) || !ctx.body.length) {
				throw v3Error(422, 'The request body must be a list of channel assignments', { body: 'a non-empty list is required' });
			}
			// All or nothing: a batch with a bad assignment changes nothing and names each bad one.
			const errors: Record<string, string> = {};
			const pairs: Array<[number, number]> = [];
			ctx.body.forEach((raw, index) => {
				const productId = isObject(raw) ? raw.product_id : undefined;
				const channelId = isObject(raw) ? raw.channel_id : undefined;
				if (typeof productId !== 'number' || !state.products.has(productId)) {
					errors[`${index}.product_id`] = `Product ${String(productId)} does not exist`;
				} else if (typeof channelId !== 'number' || !state.channels.has(channelId)) {
					errors[`${index}.channel_id`] = `Channel ${String(channelId)} does not exist`;
				} else {
					pairs.push([productId, channelId]);
				}
			});
			if (Object.keys(errors).length) {
				return { status: 422, body: { status: 422, title: 'Channel assignments could not be created', type: ERROR_TYPE, errors } };
			}
			for (const [productId, channelId] of pairs) {
				const channels = channelsOfProduct(state, productId);
				if (channels.has(channelId)) continue;
				channels.add(channelId);
				ctx.core.emit(`store/channel/${channelId}/product/assigned`, { product_id: productId });
			}
			return NO_CONTENT;
		})
		.delete(CHANNEL_ASSIGNMENTS_PATH, (ctx) => {
			const products = intList(ctx.query, 'product_id:in');
			const channels = intList(ctx.query, 'channel_id:in');
			if (!products?.length && !channels?.length) {
				throw v3Error(422, 'At least one filter must be provided in order to delete channel assignments');
			}
			const { state } = ctx.core;
			for (const productId of productIds(state, products)) {
				const assigned = channelsOfProduct(state, productId);
				for (const channelId of [...assigned]) {
					if (channels && !channels.includes(channelId)) continue;
					assigned.delete(channelId);
					ctx.core.emit(`store/channel/${channelId}/product/unassigned`, { product_id: productId });
				}
			}
			return NO_CONTENT;
		});
}
