import { planCustomerUpsert, groupByEmail } from '../../nodes/BigCommerce/actions/customer/upsertPlan';
import { planProductUpsert } from '../../nodes/BigCommerce/actions/product/upsertPlan';

describe('planProductUpsert: one step per row, in input order', () => {
	it('creates an unknown SKU once, updates its later rows after that create, and updates found products and variants', () => {
		const owners = new Map([
			['tote-1', { productId: 11 }],
			['mug-red', { productId: 12, variantId: 77 }],
		]);
		const plan = planProductUpsert(
			[
				{ itemIndex: 0, key: 'new-1', body: { sku: 'NEW-1', name: 'New', images: [{ image_url: 'x' }] } },
				{ itemIndex: 1, key: 'tote-1', body: { sku: 'TOTE-1', name: 'Tote', images: [{ image_url: 'y' }] } },
				{ itemIndex: 2, key: 'mug-red', body: { sku: 'MUG-RED', name: 'Mug', price: 9 } },
				{ itemIndex: 3, key: 'new-1', body: { sku: 'new-1', name: 'New again' } },
			],
			owners,
		);

		expect(plan).toEqual([
			{ action: 'create', itemIndex: 0, record: { sku: 'NEW-1', name: 'New', images: [{ image_url: 'x' }] } },
			{ action: 'update', target: 'product', itemIndex: 1, record: { id: 11, name: 'Tote' } },
			{ action: 'update', target: 'variant', itemIndex: 2, record: { id: 77, price: 9 } },
			{ action: 'update', target: 'product', itemIndex: 3, record: { name: 'New again' }, createdBy: 0 },
		]);
	});
});

describe('planCustomerUpsert: one write per e-mail', () => {
	it('merges rows with one e-mail, updates found customers without create-only fields, and creates the rest', () => {
		const groups = groupByEmail([
			{ ok: true, value: { email: 'Ann@Example.com', first_name: 'Ann', addresses: [{ city: 'Oslo' }] } },
			{ ok: true, value: { email: 'bo@example.com', first_name: 'Bo' } },
			{ ok: true, value: { email: 'ann@example.com', first_name: 'Anna' } },
		]);
		const plan = planCustomerUpsert(groups, new Map([['ann@example.com', { id: 5, email: 'ann@example.com' }]]));

		expect(plan.updates).toEqual([{ itemIndexes: [0, 2], record: { id: 5, first_name: 'Anna' } }]);
		expect(plan.creates).toEqual([{ itemIndexes: [1], record: { email: 'bo@example.com', first_name: 'Bo' } }]);
	});
});
